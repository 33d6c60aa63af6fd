#!/usr/bin/python3
"""Generates the dicom-codec data dictionary from machine-readable copies of the standard.

Inputs
  * DCMTK's data dictionary dicom.dic (PS3.6 Tables 6-1, 7-1, 8-1, 9-1 and the retired entries of
    PS3.5/PS3.6, one line per element: tag, VR, keyword, VM, status), shipped by Debian's
    libdcmtk17 at /usr/share/libdcmtk17/dicom.dic. Only the facts are used.
  * ps3.6-table-a1-uids.tsv next to this script (PS3.6 Table A-1, see extract_uid_table.py).

Outputs (all committed; the build needs neither this script nor DCMTK)
  * src/main/resources/org/dicommeta/codec/dict/elements.tsv  tag pattern, VR, VM, keyword, retired
  * src/main/resources/org/dicommeta/codec/uids.tsv           uid, keyword, type, retired, name
  * src/main/resources/org/dicommeta/codec/dict/private.tsv   creator, group, element byte, VR, VM
                                                              (from DCMTK's private.dic, vendor facts)
  * src/main/java/org/dicommeta/codec/Tag.java                one constant per keyword
  * src/main/java/org/dicommeta/codec/UID.java                one constant per UID keyword

Usage: /usr/bin/python3 dicom-codec/tools/generate_dictionary.py [path/to/dicom.dic]
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MODULE = os.path.dirname(HERE)
DIC = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/libdcmtk17/dicom.dic"
PRIVATE_DIC = os.path.join(os.path.dirname(DIC), "private.dic")
RES = os.path.join(MODULE, "src/main/resources/org/dicommeta/codec/dict")
JAVA = os.path.join(MODULE, "src/main/java/org/dicommeta/codec")

# DCMTK's internal pseudo VRs, mapped to the standard's VR alternatives (PS3.6 §6 "US or SS" etc.).
PSEUDO_VR = {"xs": "US|SS", "ox": "OB|OW", "px": "OB|OW", "lt": "US|OW", "up": "UL", "na": "-"}
VRS = set("AE AS AT CS DA DS DT FD FL IS LO LT OB OD OF OL OV OW PN SH SL SQ SS ST SV TM UC UI UL UN UR US UT UV".split())
JAVA_KEYWORD = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def parse_part(part):
    """'6000-60FF' -> ('60xx' pattern) for the even repeating groups; plain hex otherwise."""
    if "-" not in part:
        return part.upper()
    lo, hi = part.split("-")[0], part.split("-")[-1]
    lo, hi = lo.upper(), hi.upper()
    if lo[:2] == hi[:2] and lo[2:] == "00" and hi[2:] == "FF":
        return lo[:2] + "xx"
    return None


def read_elements():
    entries = []
    with open(DIC, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            tag, vr, name, vm, status = line.rstrip("\n").split("\t")
            if status in ("GENERIC", "PRIVATE", "ILLEGAL"):
                continue  # group lengths and private creators are rules in ElementDictionary
            group, elem = tag.strip("()").split(",")
            g, e = parse_part(group), parse_part(elem)
            if g is None or e is None:
                sys.exit("unsupported range " + tag)
            retired = status.endswith("retired")
            keyword = name[len("RETIRED_"):] if name.startswith("RETIRED_") else name
            vr = PSEUDO_VR.get(vr, vr)
            for v in vr.split("|"):
                if v != "-" and v not in VRS:
                    sys.exit("unknown VR %s in %s" % (v, line))
            entries.append((g + e, vr, vm, keyword, retired))
    entries.sort(key=lambda x: x[0].replace("x", "0"))
    seen = {}
    for pattern, _vr, _vm, keyword, _r in entries:
        if not JAVA_KEYWORD.match(keyword):
            sys.exit("keyword not a Java identifier: " + keyword)
        if keyword in seen:
            sys.exit("duplicate keyword %s: %s and %s" % (keyword, seen[keyword], pattern))
        seen[keyword] = pattern
    return entries


def read_private():
    """DCMTK's private.dic: vendor elements keyed by private creator (PS3.5 §7.8), used only to
    give private elements of implicit VR streams a VR."""
    rows = {}
    with open(PRIVATE_DIC, encoding="latin-1") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            m = re.match(r'^\(([0-9A-Fa-f]{4})(?:-o-([0-9A-Fa-f]{4}))?,"([^"]*)",([0-9A-Fa-f]{2,4})\)$', fields[0])
            if not m or len(fields) < 4:
                sys.exit("unparsed private line: " + line)
            vr = PSEUDO_VR.get(fields[1], fields[1])
            if not vr or vr == "-":
                continue  # DCMTK lists some elements without a VR: nothing to learn
            group = m.group(1).upper()
            if m.group(2):
                if group[2:] != "01" or m.group(2).upper()[2:] != "FF" or group[:2] != m.group(2).upper()[:2]:
                    sys.exit("unsupported private range " + fields[0])
                group = group[:2] + "xx"
            elem = m.group(4).upper()[-2:]
            creator = m.group(3).strip()
            if "\t" in creator:
                sys.exit("tab in creator: " + line)
            rows[(creator, group, elem)] = (vr, fields[3], fields[2])
    return [(c, g, e) + v for (c, g, e), v in sorted(rows.items())]


def read_uids():
    rows = []
    with open(os.path.join(HERE, "ps3.6-table-a1-uids.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            uid, name, kind, retired, keyword = line.rstrip("\n").split("\t")
            if not name:
                continue  # PS3.6 lists a few retired UIDs without a name or keyword
            rows.append((uid, name, kind, retired == "R", keyword))
    return rows


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print("wrote", path)


def main():
    elements = read_elements()
    uids = read_uids()
    os.makedirs(RES, exist_ok=True)
    lines = ["# generated by dicom-codec/tools/generate_dictionary.py from " + os.path.basename(DIC)
             + "; tag pattern (x = any hex digit of a repeating group), VR (a|b alternatives, - none), VM, keyword, R if retired"]
    for pattern, vr, vm, keyword, retired in elements:
        lines.append("\t".join([pattern, vr, vm, keyword, "R" if retired else ""]))
    write(os.path.join(RES, "elements.tsv"), "\n".join(lines) + "\n")

    lines = ["# generated by dicom-codec/tools/generate_dictionary.py from " + os.path.basename(PRIVATE_DIC)
             + "; private creator, group (xx = the odd groups of the range), element byte, VR (a|b alternatives), VM, name"]
    for row in read_private():
        lines.append("\t".join(row))
    write(os.path.join(RES, "private.tsv"), "\n".join(lines) + "\n")

    lines = ["# generated by dicom-codec/tools/generate_dictionary.py from PS3.6 Table A-1; uid, keyword, type, R if retired, name"]
    for uid, name, kind, retired, keyword in uids:
        lines.append("\t".join([uid, keyword, kind, "R" if retired else "", name]))
    write(os.path.join(MODULE, "src/main/resources/org/dicommeta/codec/uids.tsv"), "\n".join(lines) + "\n")

    out = [TAG_HEAD]
    for pattern, vr, vm, keyword, retired in elements:
        value = pattern.replace("x", "0")
        shown = "(%s,%s)" % (pattern[:4], pattern[4:])
        vr_text = vr.replace("|", " or ") if vr != "-" else "none"
        out.append("    /** %s VR=%s VM=%s%s */\n    public static final int %s = 0x%s;\n\n"
                   % (shown, vr_text, vm, " (retired)" if retired else "", keyword, value))
    out.append(TAG_TAIL)
    write(os.path.join(JAVA, "Tag.java"), "".join(out))

    out = [UID_HEAD]
    for uid, name, kind, retired, keyword in uids:
        if not keyword:
            continue
        out.append("    /** %s: %s%s */\n    public static final String %s = \"%s\";\n\n"
                   % (kind, name.replace("*/", "* /"), " (retired)" if retired else "", keyword, uid))
    out.append(UID_TAIL)
    write(os.path.join(JAVA, "UID.java"), "".join(out))


TAG_HEAD = '''package org.dicommeta.codec;

// GENERATED by dicom-codec/tools/generate_dictionary.py: edit the generator, not this file.

/**
 * Tags of the standard's data elements (PS3.6 §6 Table 6-1, §7 Table 7-1, §8 Table 8-1 and the
 * command elements of PS3.7 §E), one constant per keyword, group in the high 16 bits. Constants of
 * repeating groups (50xx, 60xx, 7Fxx; PS3.5 §7.6) hold the first group (5000, 6000, 7F00).
 * Retired attributes are included, since real files carry them. Keyword, VR and VM lookups are in
 * {@code org.dicommeta.codec.dict.ElementDictionary}.
 */
public final class Tag {

    private Tag() {
    }

    /** "(gggg,eeee)" in upper-case hex, e.g. "(0008,0018)". */
    public static String toString(int tag) {
        char[] c = new char[11];
        c[0] = '(';
        c[5] = ',';
        c[10] = ')';
        for (int i = 0; i < 4; i++) {
            c[4 - i] = HEX[(tag >>> (16 + 4 * i)) & 0xF];
            c[9 - i] = HEX[(tag >>> (4 * i)) & 0xF];
        }
        return new String(c);
    }

    /** Eight upper-case hex digits "ggggeeee", the DICOM JSON attribute tag form (PS3.18 §F.2.1.1.2). */
    public static String toHexString(int tag) {
        char[] c = new char[8];
        for (int i = 0; i < 8; i++) {
            c[7 - i] = HEX[(tag >>> (4 * i)) & 0xF];
        }
        return new String(c);
    }

    /**
     * Parses "ggggeeee", "(gggg,eeee)" or "gggg,eeee" (hex, any case).
     *
     * @throws IllegalArgumentException when the text is not a tag
     */
    public static int parse(String text) {
        String s = text.strip();
        if (s.startsWith("(") && s.endsWith(")")) {
            s = s.substring(1, s.length() - 1);
        }
        s = s.replace(",", "");
        if (s.length() != 8) {
            throw new IllegalArgumentException("Not a tag: " + text);
        }
        try {
            return Integer.parseUnsignedInt(s, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a tag: " + text, e);
        }
    }

    /** The group number (high 16 bits). */
    public static int group(int tag) {
        return tag >>> 16;
    }

    /** The element number (low 16 bits). */
    public static int element(int tag) {
        return tag & 0xFFFF;
    }

    /** True for tags of odd groups above 0008 other than FFFF (private data, PS3.5 §7.8.1). */
    public static boolean isPrivate(int tag) {
        int group = tag >>> 16;
        return (group & 1) != 0 && group > 0x0008 && group != 0xFFFF;
    }

    /** True for Private Creator elements (gggg,0010)-(gggg,00FF) of a private group (PS3.5 §7.8.1). */
    public static boolean isPrivateCreator(int tag) {
        int element = tag & 0xFFFF;
        return isPrivate(tag) && element >= 0x0010 && element <= 0x00FF;
    }

    /** True for Group Length elements (gggg,0000) (PS3.5 §7.2). */
    public static boolean isGroupLength(int tag) {
        return (tag & 0xFFFF) == 0;
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

'''

TAG_TAIL = '''}
'''

UID_HEAD = '''package org.dicommeta.codec;

// GENERATED by dicom-codec/tools/generate_dictionary.py: edit the generator, not this file.

/**
 * UIDs of PS3.6 Annex A Table A-1 (transfer syntaxes, SOP classes, well-known instances, coding
 * schemes ...), one constant per keyword of the table, with their names.
 */
public final class UID {

    private UID() {
    }

    /** The PS3.6 Table A-1 name of a UID (e.g. "CT Image Storage"), or null when the UID is not in the table. */
    public static String nameOf(String uid) {
        return UidTable.nameOf(uid);
    }

    /** The PS3.6 Table A-1 keyword of a UID (e.g. "CTImageStorage"), or null when the UID is not in the table. */
    public static String keywordOf(String uid) {
        return UidTable.keywordOf(uid);
    }

    /** The PS3.6 Table A-1 type of a UID ("Transfer Syntax", "SOP Class", ...), or null when not in the table. */
    public static String typeOf(String uid) {
        return UidTable.typeOf(uid);
    }

    /** True when PS3.6 Table A-1 lists the UID as retired. */
    public static boolean isRetired(String uid) {
        return UidTable.isRetired(uid);
    }

'''

UID_TAIL = '''}
'''

if __name__ == "__main__":
    main()
