#!/usr/bin/python3
"""Extracts PS3.6 Table A-1 (UID Values) into ps3.6-table-a1-uids.tsv.

The table is a fact of the standard; the machine-readable copy used here is the one Debian's
python3-pydicom package ships (pydicom/_uid_dict.py, generated from PS3.6). Only the data is taken:
UID, name, type, retired flag, keyword. Run once when the standard edition changes:

    /usr/bin/python3 dicom-codec/tools/extract_uid_table.py [path/to/_uid_dict.py]
"""
import ast
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
src = sys.argv[1] if len(sys.argv) > 1 else "/usr/lib/python3/dist-packages/pydicom/_uid_dict.py"
with open(src, encoding="utf-8") as f:
    tree = ast.parse(f.read())
table = None
for node in tree.body:
    if isinstance(node, ast.Assign) and node.targets[0].id == "UID_dictionary":
        table = ast.literal_eval(node.value)
if table is None:
    sys.exit("no UID_dictionary in " + src)
out = os.path.join(HERE, "ps3.6-table-a1-uids.tsv")
with open(out, "w", encoding="utf-8", newline="\n") as f:
    f.write("# PS3.6 Table A-1 UID Values: uid<TAB>name<TAB>type<TAB>retired(R or empty)<TAB>keyword\n")
    for uid in sorted(table, key=lambda u: [int(p) for p in u.split(".")]):
        name, kind, _info, retired, keyword = table[uid]
        f.write("\t".join([uid, name, kind, "R" if retired else "", keyword]) + "\n")
print("wrote", out, len(table), "UIDs")
