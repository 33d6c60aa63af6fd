#!/usr/bin/python3
"""Compare dicom-codec's DICOM JSON and Native DICOM Model XML with DCMTK and pydicom.

Run with Debian's Python (it has python3-pydicom), from the repository root:

    /usr/bin/python3 dicom-codec/conformance/compare.py [--corpus DIR ...] [--verbose]

For every file under the corpus directories (default: the data directory of the installed
pydicom) it runs

  * pydicom:  dcmread(file).to_json_dict()                    (in this process)
  * DCMTK:    dcm2json FILE                                    (one process per file)
  * DCMTK:    dcm2xml -nat +Eb +U8 FILE                        (one process per file)
  * dicom-codec: org.dicommeta.codec.json.ConformanceDump      (one JVM for the whole corpus)

normalises the differences documented in README.md (each normalisation is a small function
below, named after the README section), compares the parsed trees and prints one line per file
and the totals.  Exit status 0 whatever the counts: this is a report, not a test.
"""

import argparse
import base64
import decimal
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BUILD_DIR = "target-conformance"
DUMP_CLASS = "org.dicommeta.codec.json.ConformanceDump"

# ---------------------------------------------------------------------------------------------
# Collecting the corpus
# ---------------------------------------------------------------------------------------------

SKIP_SUFFIXES = (".py", ".pyc", ".json", ".txt", ".md", ".dump", ".gz", ".bz2", ".xml")


def corpus_files(dirs):
    files = []
    for d in dirs:
        for root, subdirs, names in os.walk(d):
            subdirs.sort()
            if "__pycache__" in root:
                continue
            for n in sorted(names):
                if n.endswith(SKIP_SUFFIXES):
                    continue
                files.append(os.path.join(root, n))
    return files


# ---------------------------------------------------------------------------------------------
# Running the references and the codec
# ---------------------------------------------------------------------------------------------

def run_pydicom(path):
    """Returns (json dict, None) or (None, reason). Only files pydicom reads count in N."""
    import pydicom
    try:
        ds = pydicom.dcmread(path)
    except Exception as e:  # pydicom raises many types; any means "pydicom does not read it"
        return None, "pydicom cannot read: %s: %s" % (type(e).__name__, str(e)[:120])
    try:
        d = ds.to_json_dict()
        if not ds.is_little_endian:
            swap_binary_values(d)  # N13
        px = d.get("7FE00010")
        if px and px.get("vr") == "OW" and base64.b64decode(px.get("InlineBinary", ""))[:4] == b"\xfe\xff\x00\xe0":
            px["vr"] = "OB"  # N14
        return d, None
    except Exception as e:
        return None, "pydicom reads but cannot write JSON: %s: %s" % (type(e).__name__, str(e)[:120])


def run_tool(args, path):
    try:
        p = subprocess.run(args + [path], stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    except subprocess.TimeoutExpired:
        return None, "timeout"
    if p.returncode != 0 or not p.stdout.strip():
        err = p.stderr.decode("utf-8", "replace").strip().splitlines()
        msg = next((l for l in err if l.startswith(("F:", "E:"))), err[-1] if err else "exit %d" % p.returncode)
        return None, msg[:160]
    return p.stdout, None


def strip_pixel_data_copy(path, tmpdir):
    """DCMTK's dcm2json refuses compressed (encapsulated) Pixel Data; see README 'N5'."""
    dst = os.path.join(tmpdir, "nopixel-" + os.path.basename(path))
    shutil.copyfile(path, dst)
    p = subprocess.run(["dcmodify", "-nb", "-q", "-ea", "(7fe0,0010)", dst],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return dst if p.returncode == 0 else None


def codec_classpath(verbose):
    """Compiles the module (own build directory) and returns the test runtime class path."""
    cp_file = os.path.join(tempfile.gettempdir(), "dicom-codec-conformance.cp")
    cmd = ["mvn", "-B", "-q", "-Ddm.build.dir=" + BUILD_DIR, "-pl", "dicom-codec", "test-compile",
           "dependency:build-classpath", "-Dmdep.includeScope=test", "-Dmdep.outputFile=" + cp_file]
    if verbose:
        print("+", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, cwd=REPO, check=True)
    with open(cp_file) as f:
        deps = f.read().strip()
    target = os.path.join(REPO, "dicom-codec", BUILD_DIR)
    return os.pathsep.join([os.path.join(target, "test-classes"), os.path.join(target, "classes"), deps])


def run_codec(files, outdir, classpath):
    listing = os.path.join(outdir, "files.txt")
    with open(listing, "w") as f:
        for p in files:
            f.write(p + "\n")
    subprocess.run(["java", "-cp", classpath, DUMP_CLASS, outdir, listing], check=True)


def codec_output(outdir, index, ext):
    p = os.path.join(outdir, "%d.%s" % (index, ext))
    if os.path.exists(p):
        with open(p, "rb") as f:
            return f.read(), None
    e = os.path.join(outdir, "%d.err" % index)
    if os.path.exists(e):
        with open(e, encoding="utf-8") as f:
            return None, f.read().strip()[:200]
    return None, "no output"


# ---------------------------------------------------------------------------------------------
# Normalisations (README.md, section "Normalisations", N1..N12)
# ---------------------------------------------------------------------------------------------

WORD_SIZE = {"OW": 2, "OF": 4, "OL": 4, "OD": 8, "OV": 8}


def swap_bytes(data, size):
    out = bytearray(data)
    for i in range(0, len(out) - len(out) % size, size):
        out[i:i + size] = out[i:i + size][::-1]
    return bytes(out)


def swap_binary_values(obj):
    """N13: pydicom keeps the value bytes of a big-endian file as they are; PS3.18 §F.2.7 wants PS3.5's
    (little endian) byte order, which the codec and DCMTK write."""
    for attr in obj.values():
        vr = attr.get("vr")
        if vr in WORD_SIZE and attr.get("InlineBinary"):
            raw = base64.b64decode(attr["InlineBinary"])
            attr["InlineBinary"] = base64.b64encode(swap_bytes(raw, WORD_SIZE[vr])).decode("ascii")
        elif vr == "SQ":
            for item in attr.get("Value") or []:
                swap_binary_values(item or {})


def is_group_length(tag):
    return tag.endswith("0000")  # N1


def decode_binary(b64):
    data = base64.b64decode(b64)
    # N6: a trailing NUL pad byte that one tool keeps and another drops is not a difference.
    if len(data) % 2 == 0 and data.endswith(b"\x00"):
        data = data[:-1]
    return ("binary", data)


def norm_number(v, vr):
    """N3/N4: numbers compare by value; FL through float32, DS/IS strings that are numbers too."""
    if isinstance(v, str):
        s = v.strip()
        if s == "":
            return None
        try:
            v = decimal.Decimal(s)
        except decimal.InvalidOperation:
            return ("text", v)
    if isinstance(v, float):
        v = decimal.Decimal(repr(v))
    if isinstance(v, int):
        v = decimal.Decimal(v)
    if not isinstance(v, decimal.Decimal):
        return v
    if not v.is_finite():
        return ("number", str(v))
    if vr in ("FL", "OF"):
        try:
            return ("number", struct.unpack("<f", struct.pack("<f", float(v)))[0])
        except OverflowError:
            return ("number", float(v))
    if vr in ("FD", "OD", "DS"):
        return ("number", float(v))
    return ("number", v.normalize())


NUMERIC_VRS = {"DS", "IS", "FL", "FD", "SL", "SS", "UL", "US", "SV", "UV"}


def norm_pn(v):
    """N7: empty name groups are the same as absent ones; trailing '^' never matter."""
    if v is None or v == "":
        return None
    if isinstance(v, str):
        v = {"Alphabetic": v}
    out = {}
    for g in ("Alphabetic", "Ideographic", "Phonetic"):
        s = v.get(g)
        if s:
            s = s.rstrip("^").rstrip(" ")
            if s:
                out[g] = s
    return out or None


def norm_json_dataset(obj, drop_tags=()):
    out = {}
    for tag, attr in obj.items():
        tag = tag.upper()
        if is_group_length(tag) or tag in drop_tags:
            continue
        out[tag] = norm_json_attr(attr)
    return out


def norm_json_attr(attr):
    vr = attr.get("vr")
    res = {"vr": vr}
    if "InlineBinary" in attr:
        if attr["InlineBinary"]:
            res["data"] = decode_binary(attr["InlineBinary"])
    elif "BulkDataURI" in attr:
        res["data"] = ("bulk",)
    elif "Value" in attr and attr["Value"]:  # N2: "Value": [] is the same as no Value
        vals = attr["Value"]
        if vr == "SQ":
            res["data"] = [norm_json_dataset(i or {}) for i in vals]
        elif vr == "PN":
            res["data"] = [norm_pn(v) for v in vals]
        elif vr in NUMERIC_VRS:
            res["data"] = [norm_number(v, vr) for v in vals]
        else:
            res["data"] = [norm_text(v) for v in vals]
        if vr != "SQ" and all(v is None for v in res["data"]):
            del res["data"]  # N2: a single empty value is no value
    return res


def norm_text(v):
    """N8: an empty value is null (PS3.18 §F.2.5) whichever way a tool spells it."""
    if v is None or v == "":
        return None
    if isinstance(v, str):
        return v.rstrip(" \x00")
    return v


# ---- XML ------------------------------------------------------------------------------------

def xml_dataset(elem, drop_tags=(), dcmtk=False):
    out = {}
    for a in elem.findall("DicomAttribute"):
        tag = a.get("tag").upper()
        if is_group_length(tag) or tag in drop_tags:
            continue
        key = tag
        if a.get("privateCreator") is not None:
            # N10: the creator's name identifies a private attribute, not its block number.
            key = (tag[:4] + "00" + tag[6:], a.get("privateCreator"))
        out[key] = xml_attr(a, dcmtk)
    return out


def xml_attr(a, dcmtk=False):
    vr = a.get("vr")
    res = {"vr": vr, "keyword": a.get("keyword")}
    ib = a.find("InlineBinary")
    bd = a.find("BulkData")
    if ib is not None:
        if (ib.text or "").strip():
            raw = base64.b64decode(ib.text.strip())
            if dcmtk and vr in WORD_SIZE:
                # N13: dcm2xml -nat +Eb writes OW, OF, OL, OD and OV values big endian
                raw = swap_bytes(raw, WORD_SIZE[vr])
            res["data"] = decode_binary(base64.b64encode(raw))
        elif dcmtk:
            res["data"] = ("empty-inline",)
    elif bd is not None:
        res["data"] = ("bulk",)
    elif vr == "SQ":
        items = sorted(a.findall("Item"), key=lambda i: int(i.get("number")))
        if items:
            res["data"] = [xml_dataset(i, (), dcmtk) for i in items]
    elif vr == "PN":
        names = {}
        for pn in a.findall("PersonName"):
            groups = {}
            for g in ("Alphabetic", "Ideographic", "Phonetic"):
                ge = pn.find(g)
                if ge is not None:
                    comps = [(ge.findtext(c) or "") for c in
                             ("FamilyName", "GivenName", "MiddleName", "NamePrefix", "NameSuffix")]
                    groups[g] = "^".join(comps)
            names[int(pn.get("number"))] = norm_pn(groups)
        if names:
            res["data"] = [names.get(i) for i in range(1, max(names) + 1)]
            if all(v is None for v in res["data"]):
                del res["data"]  # N2/N7: a name without any component is no value
    else:
        vals = {}
        for v in a.findall("Value"):
            vals[int(v.get("number"))] = v.text or ""
        if vals:
            seq = [vals.get(i, "") for i in range(1, max(vals) + 1)]
            if vr in NUMERIC_VRS:
                res["data"] = [norm_number(v, vr) for v in seq]
            else:
                res["data"] = [norm_text(v) for v in seq]
            if all(v is None for v in res["data"]):
                del res["data"]
    return res


def drop_empty_inline(ds):
    """An empty InlineBinary is an empty value (N2)."""
    for attr in ds.values():
        if attr.get("data") == ("empty-inline",):
            del attr["data"]
        elif attr.get("vr") == "SQ":
            for item in attr.get("data") or []:
                drop_empty_inline(item)


def drop_keyword_differences(x, y):
    """N11: keywords come from each tool's dictionary edition; compare them where both have one."""
    if isinstance(x, dict) and isinstance(y, dict):
        for k in set(x) & set(y):
            if k == "keyword":
                if x[k] is None or y[k] is None:
                    x[k] = y[k] = None
            else:
                drop_keyword_differences(x[k], y[k])
    elif isinstance(x, list) and isinstance(y, list):
        for a, b in zip(x, y):
            drop_keyword_differences(a, b)


# ---------------------------------------------------------------------------------------------
# Comparison
# ---------------------------------------------------------------------------------------------

def first_difference(a, b, path="$"):
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b), key=str):
            if k not in a:
                return "%s/%s only in reference" % (path, k)
            if k not in b:
                return "%s/%s only in codec" % (path, k)
            d = first_difference(a[k], b[k], "%s/%s" % (path, k))
            if d:
                return d
        return None
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return "%s: %d values in codec, %d in reference" % (path, len(a), len(b))
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, "%s[%d]" % (path, i))
            if d:
                return d
        return None
    if a != b:
        return "%s: codec %s != reference %s" % (path, short(a), short(b))
    return None


def short(v):
    s = repr(v)
    return s if len(s) < 90 else s[:87] + "..."


def compare_json(ours_bytes, ref, drop_tags=()):
    ours = json.loads(ours_bytes.decode("utf-8"), parse_float=decimal.Decimal)
    return first_difference(norm_json_dataset(ours, drop_tags), norm_json_dataset(ref, drop_tags))


def parse_xml(data):
    """N12: the PS3.19 namespace declaration (the codec writes it, dcm2xml only with +Xn) is ignored."""
    root = ET.fromstring(data)
    for e in root.iter():
        if e.tag.startswith("{"):
            e.tag = e.tag.split("}", 1)[1]
    return root


def compare_xml(ours_bytes, ref_bytes, drop_tags=()):
    ours = xml_dataset(parse_xml(ours_bytes), drop_tags)
    ref = xml_dataset(parse_xml(ref_bytes), drop_tags, dcmtk=True)
    # N5: dcm2xml writes an empty InlineBinary for encapsulated pixel data; compare the rest.
    px_ref, px_ours = ref.get("7FE00010"), ours.get("7FE00010")
    if px_ref and px_ours and px_ref.get("data") == ("empty-inline",):
        ours_data = px_ours.get("data")
        if ours_data and ours_data[0] == "binary" and ours_data[1][:4] == b"\xfe\xff\x00\xe0":
            del px_ours["data"]
            del px_ref["data"]
    drop_empty_inline(ref)
    drop_keyword_differences(ours, ref)
    return first_difference(ours, ref)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", action="append", help="directory to convert (repeatable)")
    ap.add_argument("--classpath", help="class path with the compiled codec and ConformanceDump")
    ap.add_argument("--keep", help="keep every output in this directory")
    ap.add_argument("--verbose", "-v", action="store_true", help="print each difference")
    args = ap.parse_args()

    if args.corpus:
        dirs = args.corpus
    else:
        import pydicom.data
        dirs = [os.path.dirname(pydicom.data.__file__)]
    files = corpus_files(dirs)
    work = args.keep or tempfile.mkdtemp(prefix="dicom-codec-conformance-")
    os.makedirs(work, exist_ok=True)
    ours_dir = os.path.join(work, "codec")
    os.makedirs(ours_dir, exist_ok=True)

    classpath = args.classpath or codec_classpath(args.verbose)
    run_codec(files, ours_dir, classpath)

    totals = {"n": 0, "json_dcmtk": 0, "json_pydicom": 0, "xml_dcmtk": 0, "codec_failed": 0,
              "not_read_by_pydicom": 0}
    notes = {"json_dcmtk": [], "json_pydicom": [], "xml_dcmtk": []}
    for i, path in enumerate(files):
        name = os.path.relpath(path, dirs[0]) if len(dirs) == 1 else path
        pyd, why = run_pydicom(path)
        if pyd is None and why.startswith("pydicom cannot read"):
            totals["not_read_by_pydicom"] += 1
            ours, err = codec_output(ours_dir, i, "json")
            print("SKIP  %-48s %s; codec: %s" % (name, why, "converted" if ours else err))
            continue
        totals["n"] += 1
        ours_json, err_json = codec_output(ours_dir, i, "json")
        ours_xml, err_xml = codec_output(ours_dir, i, "xml")
        if ours_json is None:
            totals["codec_failed"] += 1
        results = []

        # pydicom JSON
        if pyd is None:
            r = "ref-failed: " + why
        elif ours_json is None:
            r = "codec-failed: " + err_json
        else:
            r = compare_json(ours_json, pyd) or "equal"
        results.append(("json_pydicom", r))

        # DCMTK JSON (N9: (0008,0005) is rewritten by DCMTK to ISO_IR 192)
        ref, why = run_tool(["dcm2json"], path)
        drop = ("00080005",)
        if ref is None and "compressed pixel data" in why:
            tmp = tempfile.mkdtemp(dir=work)
            copy = strip_pixel_data_copy(path, tmp)
            if copy:
                ref, why = run_tool(["dcm2json"], copy)
                drop = ("00080005", "7FE00010", "FFFCFFFC")  # N5
        if ref is None:
            r = "ref-failed: " + why
        elif ours_json is None:
            r = "codec-failed: " + err_json
        else:
            try:
                r = compare_json(ours_json, json.loads(ref.decode("utf-8"), parse_float=decimal.Decimal),
                                 drop) or "equal"
            except ValueError as e:
                r = "ref-failed: dcm2json output is not JSON: %s" % e
        results.append(("json_dcmtk", r))

        # DCMTK XML
        ref, why = run_tool(["dcm2xml", "-nat", "+Eb", "+U8"], path)
        if ref is None:
            r = "ref-failed: " + why
        elif ours_xml is None:
            r = "codec-failed: " + err_xml
        else:
            try:
                r = compare_xml(ours_xml, ref, ("00080005",)) or "equal"
            except ET.ParseError as e:
                r = "ref-failed: dcm2xml output is not XML: %s" % e
        results.append(("xml_dcmtk", r))

        for key, r in results:
            if r == "equal":
                totals[key] += 1
            else:
                notes[key].append((name, r))
        flags = " ".join("%s=%s" % (k.replace("_", "/"), "ok" if r == "equal" else "DIFF") for k, r in results)
        print("%-5s %-48s %s" % ("OK" if all(r == "equal" for _, r in results) else "DIFF", name, flags))
        if args.verbose:
            for k, r in results:
                if r != "equal":
                    print("        %s: %s" % (k, r))

    n = totals["n"]
    print()
    print("files: %d in corpus, %d read by pydicom (N), %d not read by pydicom, codec failed on %d of N"
          % (len(files), n, totals["not_read_by_pydicom"], totals["codec_failed"]))
    print("JSON equal %d/%d vs DCMTK, %d/%d vs pydicom; XML equal %d/%d vs dcm2xml -nat"
          % (totals["json_dcmtk"], n, totals["json_pydicom"], n, totals["xml_dcmtk"], n))
    for key in ("json_pydicom", "json_dcmtk", "xml_dcmtk"):
        if notes[key]:
            print("\n%s differences:" % key)
            for name, r in notes[key]:
                print("  %-48s %s" % (name, r))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
