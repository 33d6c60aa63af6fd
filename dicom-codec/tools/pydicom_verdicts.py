#!/usr/bin/python3
"""Writes which files of a folder pydicom can read, for PydicomCorpusTest.

For every regular file under FOLDER (recursively) prints "OK<TAB>path" when
pydicom.dcmread(path, force=True) succeeds and every element (items included) converts to its
value, else "FAIL<TAB>path<TAB>reason". Needs Debian's python3-pydicom; the Maven build does not.

    /usr/bin/python3 dicom-codec/tools/pydicom_verdicts.py /usr/lib/python3/dist-packages/pydicom/data > /tmp/verdicts.tsv
    mvn -Ddm.build.dir=target-codecio -pl dicom-codec test -Dtest=PydicomCorpusTest \\
        -DDICOMMETA_PYDICOM_DATA=/usr/lib/python3/dist-packages/pydicom/data -Ddicommeta.pydicom.verdicts=/tmp/verdicts.tsv
"""
import os
import sys
import warnings

import pydicom
from pydicom.datadict import dictionary_has_tag

warnings.simplefilter("ignore")


def touch(ds):
    for elem in ds:
        if elem.VR == "SQ":
            for item in elem.value:
                touch(item)
        else:
            _ = elem.value


def main(folder):
    for root, _dirs, files in os.walk(folder):
        for name in sorted(files):
            path = os.path.join(root, name)
            if name.endswith((".py", ".pyc", ".txt", ".json", ".dump", ".gz", ".bz2", ".xz")):
                continue
            try:
                ds = pydicom.dcmread(path, force=True)
                touch(ds)
                # With force=True pydicom "reads" any bytes (a README becomes one garbage element):
                # count it as read only when some element is a real dictionary element.
                if not any(dictionary_has_tag(tag) for tag in list(ds.keys()) + list(ds.file_meta.keys())):
                    raise ValueError("no dictionary element: not DICOM")
                print("OK\t" + path)
            except Exception as e:  # noqa: BLE001 - any failure counts as "pydicom cannot read"
                print("FAIL\t%s\t%s" % (path, repr(e).replace("\t", " ").replace("\n", " ")[:200]))


if __name__ == "__main__":
    main(sys.argv[1])
