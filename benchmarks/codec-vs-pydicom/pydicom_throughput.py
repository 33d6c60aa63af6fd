#!/usr/bin/python3
"""The pydicom side of the side-by-side benchmark: dcmread + to_json in one process.

Usage: /usr/bin/python3 pydicom_throughput.py LISTFILE [warmup_s] [measure_s] [--stop-before-pixels]
Prints files per second over the files pydicom reads (the others are dropped before timing).
"""
import sys
import time

import pydicom


def convert(path, stop):
    ds = pydicom.dcmread(path, stop_before_pixels=stop)
    return ds.to_json()


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    stop = "--stop-before-pixels" in sys.argv
    files = [l.strip() for l in open(args[0]) if l.strip()]
    warmup = float(args[1]) if len(args) > 1 else 5
    measure = float(args[2]) if len(args) > 2 else 20
    ok = []
    for f in files:
        try:
            convert(f, stop)
            ok.append(f)
        except Exception:
            pass
    end = time.perf_counter() + warmup
    while time.perf_counter() < end:
        for f in ok:
            convert(f, stop)
    n = 0
    chars = 0
    start = time.perf_counter()
    end = start + measure
    while time.perf_counter() < end:
        for f in ok:
            chars += len(convert(f, stop))
            n += 1
    secs = time.perf_counter() - start
    print("pydicom %s%s: %d files listed, %d converted per pass; %d conversions in %.2f s = %.1f files/s, %.1f MB/s rendered"
          % (pydicom.__version__, " stop_before_pixels" if stop else "", len(files), len(ok), n, secs, n / secs,
             chars / secs / 1e6))


if __name__ == "__main__":
    main()
