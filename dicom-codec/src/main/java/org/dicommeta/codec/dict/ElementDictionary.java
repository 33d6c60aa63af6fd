package org.dicommeta.codec.dict;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dicommeta.codec.Tag;
import org.dicommeta.codec.VR;

/**
 * Lookups in the PS3.6 data dictionary and in the vendor private dictionary.
 *
 * <p>Plain tags are found by binary search in sorted arrays. When a tag is not there, the rules
 * of the standard apply in this order: repeating groups 50xx/60xx/7Fxx (PS3.5 §7.6, even groups
 * only) and the element range (0020,31xx); Group Length (gggg,0000) is UL (PS3.5 §7.2); Private
 * Creator (gggg,0010-00FF) in an odd group is LO (PS3.5 §7.8.1). Anything else, including private
 * elements with no dictionary entry for their creator, is unknown: {@link #vrOf(int)} says UN.
 * Thread-safe; the tables load once on first use.
 */
public final class ElementDictionary {

    private static final String ELEMENTS = "elements.tsv";
    private static final String PRIVATE = "private.tsv";
    private static final List<VR> UL = List.of(VR.UL);
    private static final List<VR> LO = List.of(VR.LO);

    private ElementDictionary() {
    }

    private static final class Tables {
        static final int[] TAGS;
        static final DictionaryEntry[] ENTRIES;
        static final DictionaryEntry[] MASKED;
        static final Map<String, DictionaryEntry> BY_KEYWORD;

        static {
            List<DictionaryEntry> plain = new ArrayList<>(5000);
            List<DictionaryEntry> masked = new ArrayList<>();
            for (String[] f : read(ELEMENTS)) {
                String pattern = f[0];
                int mask = 0;
                for (int i = 0; i < 8; i++) {
                    mask = mask << 4 | (pattern.charAt(i) == 'x' ? 0 : 0xF);
                }
                int tag = Integer.parseUnsignedInt(pattern.replace('x', '0'), 16);
                DictionaryEntry e = new DictionaryEntry(tag, mask, f[3], parseVrs(f[1]), f[2], "R".equals(f[4]));
                (mask == -1 ? plain : masked).add(e);
            }
            plain.sort((a, b) -> Integer.compareUnsigned(a.tag(), b.tag()));
            TAGS = new int[plain.size()];
            ENTRIES = plain.toArray(new DictionaryEntry[0]);
            for (int i = 0; i < TAGS.length; i++) {
                TAGS[i] = ENTRIES[i].tag();
            }
            MASKED = masked.toArray(new DictionaryEntry[0]);
            BY_KEYWORD = new HashMap<>(plain.size() * 2);
            for (DictionaryEntry e : ENTRIES) {
                BY_KEYWORD.put(e.keyword(), e);
            }
            for (DictionaryEntry e : MASKED) {
                BY_KEYWORD.put(e.keyword(), e);
            }
        }
    }

    private static final class PrivateTables {
        /** Key: creator + '\u0000' + group (4 hex digits, "xx" for ranges) + element byte (2 hex digits). */
        static final Map<String, DictionaryEntry> BY_KEY;

        static {
            List<String[]> rows = read(PRIVATE);
            BY_KEY = new HashMap<>(rows.size() * 2);
            for (String[] f : rows) {
                int group = Integer.parseInt(f[1].replace("xx", "00"), 16);
                int elem = Integer.parseInt(f[2], 16);
                int mask = f[1].endsWith("xx") ? 0xFF0000FF : 0xFFFF00FF;
                BY_KEY.put(f[0] + '\u0000' + f[1] + f[2],
                        new DictionaryEntry(group << 16 | elem, mask, f[5], parseVrs(f[3]), f[4], false));
            }
        }
    }

    private static List<VR> parseVrs(String text) {
        if (text.equals("-")) {
            return List.of();
        }
        String[] parts = text.split("\\|");
        VR[] vrs = new VR[parts.length];
        for (int i = 0; i < parts.length; i++) {
            vrs[i] = VR.of(parts[i]);
        }
        // Implicit VR streams carry OW for "OB or OW" pixel and overlay data (PS3.5 §A.1 c).
        if (vrs.length == 2 && vrs[0] == VR.OB && vrs[1] == VR.OW) {
            vrs = new VR[] {VR.OW, VR.OB};
        }
        return Collections.unmodifiableList(Arrays.asList(vrs));
    }

    private static List<String[]> read(String resource) {
        List<String[]> rows = new ArrayList<>(5000);
        try (InputStream in = ElementDictionary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing dictionary resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isEmpty() && line.charAt(0) != '#') {
                    rows.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read dictionary resource " + resource, e);
        }
        return rows;
    }

    /**
     * The entry for a standard tag, or null when the dictionary does not know it (private
     * elements included: use {@link #lookup(String, int)} for those).
     */
    public static DictionaryEntry lookup(int tag) {
        int i = unsignedSearch(tag);
        if (i >= 0) {
            return Tables.ENTRIES[i];
        }
        int group = tag >>> 16;
        if ((group & 1) == 0) {
            for (DictionaryEntry e : Tables.MASKED) {
                if ((tag & e.mask()) == e.tag()) {
                    return e;
                }
            }
        }
        if ((tag & 0xFFFF) == 0) {
            return new DictionaryEntry(tag, -1, group == 0 ? "CommandGroupLength" : "GroupLength", UL, "1", false);
        }
        if (Tag.isPrivateCreator(tag)) {
            return new DictionaryEntry(tag, -1, "PrivateCreator", LO, "1", false);
        }
        return null;
    }

    /** Binary search in unsigned order, which puts (FFFE,xxxx) after (7FE0,0010) as in a stream. */
    private static int unsignedSearch(int tag) {
        int lo = 0;
        int hi = Tables.TAGS.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Integer.compareUnsigned(Tables.TAGS[mid], tag);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /**
     * The entry of a private element (gggg,xxEE) whose block belongs to {@code privateCreator}, from
     * the vendor dictionary; falls back to {@link #lookup(int)} for public tags; null when unknown.
     */
    public static DictionaryEntry lookup(String privateCreator, int tag) {
        if (privateCreator == null || !Tag.isPrivate(tag) || Tag.isPrivateCreator(tag)) {
            return lookup(tag);
        }
        String creator = privateCreator.strip();
        int group = tag >>> 16;
        String elem = hex2(tag & 0xFF);
        DictionaryEntry e = PrivateTables.BY_KEY.get(creator + '\u0000' + hex4(group) + elem);
        if (e == null) {
            e = PrivateTables.BY_KEY.get(creator + '\u0000' + hex2(group >>> 8) + "xx" + elem);
        }
        return e;
    }

    /** The VR to assume for a tag in an implicit VR stream: the dictionary's, or UN when unknown. */
    public static VR vrOf(int tag) {
        DictionaryEntry e = lookup(tag);
        return e == null ? VR.UN : e.vr();
    }

    /** As {@link #vrOf(int)}, using the vendor dictionary for private elements of {@code privateCreator}. */
    public static VR vrOf(String privateCreator, int tag) {
        DictionaryEntry e = lookup(privateCreator, tag);
        return e == null ? VR.UN : e.vr();
    }

    /** The PS3.6 keyword of a standard tag (e.g. "PatientName"), or null for unknown and private tags. */
    public static String keywordOf(int tag) {
        if (Tag.isPrivate(tag)) {
            return null;
        }
        DictionaryEntry e = lookup(tag);
        return e == null ? null : e.keyword();
    }

    /** The tag of a PS3.6 keyword (the first group for repeating groups), or -1 when unknown. */
    public static int tagOf(String keyword) {
        DictionaryEntry e = Tables.BY_KEYWORD.get(keyword);
        return e == null ? -1 : e.tag();
    }

    /** The entry of a PS3.6 keyword, or null. */
    public static DictionaryEntry lookup(String keyword) {
        return Tables.BY_KEYWORD.get(keyword);
    }

    /** Number of plain and repeating-group entries in the standard dictionary. */
    public static int size() {
        return Tables.ENTRIES.length + Tables.MASKED.length;
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private static String hex2(int v) {
        return new String(new char[] {HEX[(v >> 4) & 0xF], HEX[v & 0xF]});
    }

    private static String hex4(int v) {
        return hex2(v >> 8) + hex2(v);
    }
}
