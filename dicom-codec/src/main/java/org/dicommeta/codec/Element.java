package org.dicommeta.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One data element (PS3.5 §7.1): a tag, a VR and a value.
 *
 * <h2>Value representation in memory</h2>
 * {@link #value()} is exactly one of:
 * <ul>
 *   <li>{@code null}: the value is empty (length 0), for every VR;</li>
 *   <li>{@link String} for the text VRs ({@link VR#isString()}): the whole value decoded to Unicode
 *       with the Specific Character Set in force, multiple values still separated by backslash
 *       ({@link VR#isMultiValued()}), trailing padding (spaces, NULs) of the whole value removed;</li>
 *   <li>{@code byte[]} for the numeric VRs (AT FD FL SL SS SV UL US UV) and the binary VRs
 *       (OB OD OF OL OV OW UN): the value bytes in <b>little endian</b> whatever the source
 *       transfer syntax was (big-endian input is swapped on read). AT is stored as pairs of 16-bit
 *       group, element;</li>
 *   <li>{@code List<DataSet>} for SQ: the items, in order, mutable;</li>
 *   <li>{@link Fragments} for encapsulated pixel data (PS3.5 §A.4);</li>
 *   <li>{@link BulkDataReference} for a value skipped by a header-only read.</li>
 * </ul>
 * The typed accessors below convert from that form; they never throw for a mismatched VR but
 * return an empty result, so writers can call them blindly.
 *
 * <p>Elements are immutable except for the item list of a sequence. The private creator of a
 * private element is known to its data set: {@link DataSet#privateCreatorOf(int)}.
 */
public final class Element {

    private static final String[] NO_STRINGS = new String[0];

    private final int tag;
    private final VR vr;
    private final Object value;
    private final long length;
    private String[] split;

    /**
     * An element with an explicit source length.
     *
     * @param tag    the tag, group in the high 16 bits
     * @param vr     the VR
     * @param value  a value of the form described in the class comment (checked)
     * @param length the value length in the source, -1 for undefined length
     */
    public Element(int tag, VR vr, Object value, long length) {
        this.tag = tag;
        this.vr = Objects.requireNonNull(vr, "vr");
        this.value = checkValue(tag, vr, value);
        this.length = length;
    }

    /** An element whose length is derived from its value (see {@link #length()}). */
    public Element(int tag, VR vr, Object value) {
        this(tag, vr, value, derivedLength(vr, checkValue(tag, vr, value)));
    }

    private static Object checkValue(int tag, VR vr, Object value) {
        if (value == null || value instanceof BulkDataReference) {
            return value;
        }
        boolean ok;
        if (vr == VR.SQ) {
            ok = value instanceof List;
        } else if (vr.isString()) {
            ok = value instanceof String;
        } else {
            ok = value instanceof byte[] || (value instanceof Fragments && vr.isBinary());
        }
        if (!ok) {
            throw new IllegalArgumentException("Value of type " + value.getClass().getSimpleName()
                    + " does not fit VR " + vr + " of " + Tag.toString(tag));
        }
        return value;
    }

    private static long derivedLength(VR vr, Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof byte[]) {
            int n = ((byte[]) value).length;
            return n + (n & 1);
        }
        if (value instanceof String) {
            String s = (String) value;
            int n = isAscii(s) ? s.length() : s.getBytes(StandardCharsets.UTF_8).length;
            return n + (n & 1);
        }
        if (value instanceof BulkDataReference) {
            BulkDataReference r = (BulkDataReference) value;
            return r.encapsulated() ? -1 : r.length();
        }
        return -1;
    }

    private static boolean isAscii(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The tag, group in the high 16 bits, element in the low 16 bits. */
    public int tag() {
        return tag;
    }

    /** The value representation. */
    public VR vr() {
        return vr;
    }

    /** The raw value, of one of the forms in the class comment; null when empty. */
    public Object value() {
        return value;
    }

    /**
     * The value length: as declared in the source for elements read from a stream (-1 for undefined
     * length: sequences and encapsulated data written that way); for elements built in memory the
     * even length of the byte or text value (text counted in UTF-8 when not ASCII), -1 for
     * sequences and fragments.
     */
    public long length() {
        return length;
    }

    /** True when the element has no value (length 0, or a sequence without items). */
    public boolean isEmpty() {
        if (value == null) {
            return true;
        }
        if (value instanceof List) {
            return ((List<?>) value).isEmpty();
        }
        if (value instanceof String) {
            return ((String) value).isEmpty();
        }
        if (value instanceof byte[]) {
            return ((byte[]) value).length == 0;
        }
        return false;
    }

    /** True when the value was skipped by a header-only read ({@link #bulkData()} says where it is). */
    public boolean isBulkData() {
        return value instanceof BulkDataReference;
    }

    /** The bulk data reference, or null when the value is in memory. */
    public BulkDataReference bulkData() {
        return value instanceof BulkDataReference ? (BulkDataReference) value : null;
    }

    /** The encapsulated fragments, or null when the value is not encapsulated (or was skipped). */
    public Fragments fragments() {
        return value instanceof Fragments ? (Fragments) value : null;
    }

    /** The items of a sequence (mutable, live); an empty unmodifiable list for any other element. */
    @SuppressWarnings("unchecked")
    public List<DataSet> items() {
        return value instanceof List ? (List<DataSet>) value : Collections.emptyList();
    }

    /**
     * The value bytes for numeric and binary VRs (little endian, not copied: do not modify), null
     * for text, sequences, fragments, bulk references and empty values.
     */
    public byte[] bytes() {
        return value instanceof byte[] ? (byte[]) value : null;
    }

    /** The whole text value (multiple values backslash-separated) for text VRs, else null. */
    public String text() {
        return value instanceof String ? (String) value : null;
    }

    /** Value multiplicity: the number of values (items for SQ, fragments count as one value). */
    public int vm() {
        if (value == null) {
            return 0;
        }
        if (value instanceof String) {
            return strings().length;
        }
        if (value instanceof byte[]) {
            if (vr.isNumeric()) {
                return ((byte[]) value).length / vr.bytesPerValue();
            }
            return 1;
        }
        if (value instanceof List) {
            return ((List<?>) value).size();
        }
        return 1;
    }

    /**
     * The values as strings: for text VRs split at backslash (not for LT ST UT UR), each value with
     * its trailing spaces and NULs removed (leading spaces are kept: trimming is a writer option);
     * for numeric VRs each number in decimal (AT as 8 hex digits "GGGGEEEE", FL/FD in shortest
     * round-trip form, UV unsigned); for everything else an empty array. The array is cached: do
     * not modify it.
     */
    public String[] strings() {
        String[] s = split;
        if (s == null) {
            s = computeStrings();
            split = s;
        }
        return s;
    }

    /** The value at {@code index} from {@link #strings()}, or null when there is none. */
    public String string(int index) {
        String[] s = strings();
        return index < s.length ? s[index] : null;
    }

    private String[] computeStrings() {
        if (value instanceof String) {
            String text = (String) value;
            if (text.isEmpty()) {
                return NO_STRINGS;
            }
            if (!vr.isMultiValued() || text.indexOf('\\') < 0) {
                return new String[] {trimEnd(text)};
            }
            List<String> parts = new ArrayList<>();
            int start = 0;
            for (int i = 0, n = text.length(); i <= n; i++) {
                if (i == n || text.charAt(i) == '\\') {
                    parts.add(trimEnd(text.substring(start, i)));
                    start = i + 1;
                }
            }
            return parts.toArray(NO_STRINGS);
        }
        if (value instanceof byte[] && vr.isNumeric()) {
            byte[] b = (byte[]) value;
            int n = b.length / vr.bytesPerValue();
            String[] out = new String[n];
            for (int i = 0; i < n; i++) {
                out[i] = numberToString(b, i);
            }
            return out;
        }
        return NO_STRINGS;
    }

    private String numberToString(byte[] b, int i) {
        switch (vr) {
            case AT:
                return String.format("%04X%04X", ByteUtils.u16(b, 4 * i), ByteUtils.u16(b, 4 * i + 2));
            case FL:
                return Float.toString(ByteUtils.f32(b, 4 * i));
            case FD:
                return Double.toString(ByteUtils.f64(b, 8 * i));
            case UV:
                return Long.toUnsignedString(ByteUtils.s64(b, 8 * i));
            default:
                return Long.toString(longAt(b, i));
        }
    }

    private long longAt(byte[] b, int i) {
        switch (vr) {
            case US: return ByteUtils.u16(b, 2 * i);
            case SS: return (short) ByteUtils.u16(b, 2 * i);
            case UL: return ByteUtils.s32(b, 4 * i) & 0xFFFFFFFFL;
            case SL: return ByteUtils.s32(b, 4 * i);
            case SV: case UV: return ByteUtils.s64(b, 8 * i);
            case AT: return ByteUtils.u16(b, 4 * i) << 16 | ByteUtils.u16(b, 4 * i + 2);
            case FL: return (long) ByteUtils.f32(b, 4 * i);
            case FD: return (long) ByteUtils.f64(b, 8 * i);
            default: throw new IllegalStateException(vr.name());
        }
    }

    static String trimEnd(String s) {
        int end = s.length();
        while (end > 0) {
            char c = s.charAt(end - 1);
            if (c != ' ' && c != '\0') {
                break;
            }
            end--;
        }
        return end == s.length() ? s : s.substring(0, end);
    }

    /**
     * The values as doubles: FL FD (exact), integer VRs, and DS/IS text parsed (a value that does
     * not parse is NaN). Empty for other VRs.
     */
    public double[] doubles() {
        if (value instanceof byte[] && vr.isNumeric() && vr != VR.AT) {
            byte[] b = (byte[]) value;
            int n = b.length / vr.bytesPerValue();
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                switch (vr) {
                    case FL: out[i] = ByteUtils.f32(b, 4 * i); break;
                    case FD: out[i] = ByteUtils.f64(b, 8 * i); break;
                    case UV: out[i] = unsignedToDouble(ByteUtils.s64(b, 8 * i)); break;
                    default: out[i] = longAt(b, i);
                }
            }
            return out;
        }
        if (value instanceof String && vr.isNumericString()) {
            String[] s = strings();
            double[] out = new double[s.length];
            for (int i = 0; i < s.length; i++) {
                try {
                    out[i] = Double.parseDouble(s[i].strip());
                } catch (NumberFormatException e) {
                    out[i] = Double.NaN;
                }
            }
            return out;
        }
        return new double[0];
    }

    private static double unsignedToDouble(long v) {
        return v >= 0 ? v : ((v >>> 1) | (v & 1)) * 2.0;
    }

    /**
     * The values as longs: integer VRs (UV as the raw 64 bits: use {@link Long#toUnsignedString}),
     * AT as {@code group << 16 | element}, IS text parsed. Empty for other VRs; a text value that
     * does not parse as an integer gives {@link NumberFormatException}.
     */
    public long[] longs() {
        if (value instanceof byte[] && vr.isNumeric()) {
            byte[] b = (byte[]) value;
            int n = b.length / vr.bytesPerValue();
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                out[i] = longAt(b, i);
            }
            return out;
        }
        if (value instanceof String && vr.isNumericString()) {
            String[] s = strings();
            long[] out = new long[s.length];
            for (int i = 0; i < s.length; i++) {
                String v = s[i].strip();
                out[i] = vr == VR.IS ? Long.parseLong(v.startsWith("+") ? v.substring(1) : v)
                        : (long) Double.parseDouble(v);
            }
            return out;
        }
        return new long[0];
    }

    /** {@link #longs()} narrowed to int (AT gives the 32-bit tags). */
    public int[] ints() {
        long[] l = longs();
        int[] out = new int[l.length];
        for (int i = 0; i < l.length; i++) {
            out[i] = (int) l[i];
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Element)) {
            return false;
        }
        Element e = (Element) o;
        if (tag != e.tag || vr != e.vr) {
            return false;
        }
        if (isEmpty() && e.isEmpty()) {
            return true;
        }
        if (value instanceof byte[] && e.value instanceof byte[]) {
            return Arrays.equals((byte[]) value, (byte[]) e.value);
        }
        return Objects.equals(value, e.value);
    }

    @Override
    public int hashCode() {
        int h = tag * 31 + vr.hashCode();
        if (value instanceof byte[]) {
            return h * 31 + Arrays.hashCode((byte[]) value);
        }
        return isEmpty() ? h : h * 31 + value.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(Tag.toString(tag)).append(' ').append(vr).append(' ');
        if (value == null) {
            sb.append("(empty)");
        } else if (value instanceof String) {
            String s = (String) value;
            sb.append('[').append(s.length() > 64 ? s.substring(0, 64) + "..." : s).append(']');
        } else if (value instanceof byte[]) {
            if (vr.isNumeric()) {
                sb.append(String.join("\\", strings().length > 16
                        ? Arrays.copyOf(strings(), 16) : strings()));
            } else {
                sb.append(((byte[]) value).length).append(" bytes");
            }
        } else if (value instanceof List) {
            sb.append(((List<?>) value).size()).append(" items");
        } else {
            sb.append(value);
        }
        return sb.toString();
    }
}
