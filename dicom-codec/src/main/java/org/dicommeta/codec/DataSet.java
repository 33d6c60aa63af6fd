package org.dicommeta.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A DICOM data set (PS3.5 §7): elements kept in ascending tag order, the items of sequences
 * being data sets themselves. Mutable and not thread-safe.
 *
 * <p>Stored as a sorted {@code int[]} of tags beside an {@code Element[]}; lookups are binary
 * searches and adding in ascending tag order, as a reader does, is an append. Iteration is in tag
 * order. See {@link Element} for how each VR's value is held.
 *
 * <p>Private data (PS3.5 §7.8): a private element (gggg,xxEE) with odd gggg and xx in 10..FF
 * belongs to the block reserved by the Private Creator element (gggg,00xx);
 * {@link #privateCreatorOf(int)} resolves it, and the {@code set*(String privateCreator, ...)}
 * methods reserve a block by creator name.
 */
public final class DataSet implements Iterable<Element> {

    private int[] tags;
    private Element[] elements;
    private int size;

    /** An empty data set. */
    public DataSet() {
        this(16);
    }

    /** An empty data set sized for about {@code expectedSize} elements. */
    public DataSet(int expectedSize) {
        int n = Math.max(4, expectedSize);
        tags = new int[n];
        elements = new Element[n];
    }

    /** Number of elements (not counting those inside items). */
    public int size() {
        return size;
    }

    /** True when there are no elements. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** True when an element with this tag is present (even with an empty value). */
    public boolean contains(int tag) {
        return indexOf(tag) >= 0;
    }

    /** The element with this tag, or null. */
    public Element get(int tag) {
        int i = indexOf(tag);
        return i >= 0 ? elements[i] : null;
    }

    /** The element at position {@code index} in tag order (0 &le; index &lt; size). */
    public Element elementAt(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return elements[index];
    }

    /** The tags present, in ascending order (a copy). */
    public int[] tags() {
        return Arrays.copyOf(tags, size);
    }

    private int indexOf(int tag) {
        int n = size;
        if (n == 0) {
            return -1;
        }
        // Tags compare as unsigned: (FFFE,E000) and private groups above 7FFF sort last.
        int last = Integer.compareUnsigned(tags[n - 1], tag);
        if (last == 0) {
            return n - 1;
        }
        if (last < 0) {
            return -(n + 1);
        }
        int lo = 0;
        int hi = n - 2;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Integer.compareUnsigned(tags[mid], tag);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    /**
     * Adds or replaces the element with the same tag. Appending in ascending tag order costs O(1).
     *
     * @return this data set
     */
    public DataSet set(Element element) {
        int tag = element.tag();
        int i = indexOf(tag);
        if (i >= 0) {
            elements[i] = element;
            return this;
        }
        int at = -(i + 1);
        if (size == tags.length) {
            int cap = size + (size >> 1) + 1;
            tags = Arrays.copyOf(tags, cap);
            elements = Arrays.copyOf(elements, cap);
        }
        if (at < size) {
            System.arraycopy(tags, at, tags, at + 1, size - at);
            System.arraycopy(elements, at, elements, at + 1, size - at);
        }
        tags[at] = tag;
        elements[at] = element;
        size++;
        return this;
    }

    /** Removes and returns the element with this tag, or null when absent. */
    public Element remove(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return null;
        }
        Element e = elements[i];
        System.arraycopy(tags, i + 1, tags, i, size - i - 1);
        System.arraycopy(elements, i + 1, elements, i, size - i - 1);
        size--;
        elements[size] = null;
        return e;
    }

    /** Removes every element. */
    public void clear() {
        Arrays.fill(elements, 0, size, null);
        size = 0;
    }

    // ---------------------------------------------------------------- reads

    /**
     * The first value of the element as text with trailing padding removed (numbers in decimal, see
     * {@link Element#strings()}), or null when absent or empty.
     */
    public String getString(int tag) {
        Element e = get(tag);
        return e == null ? null : e.string(0);
    }

    /** As {@link #getString(int)} with a default for absent or empty elements. */
    public String getString(int tag, String defaultValue) {
        String s = getString(tag);
        return s == null ? defaultValue : s;
    }

    /** All values as strings (see {@link Element#strings()}); an empty array when absent. */
    public String[] getStrings(int tag) {
        Element e = get(tag);
        return e == null ? new String[0] : e.strings().clone();
    }

    /**
     * The first value as an int: binary integers, or IS/DS text parsed; {@code defaultValue} when
     * absent, empty or not a number.
     */
    public int getInt(int tag, int defaultValue) {
        Element e = get(tag);
        if (e == null || e.isEmpty()) {
            return defaultValue;
        }
        try {
            long[] v = e.longs();
            return v.length == 0 ? defaultValue : (int) v[0];
        } catch (NumberFormatException ex) {
            return defaultValue;
        }
    }

    /** The first value as a double (FL, FD, integers, DS, IS); {@code defaultValue} when absent or not a number. */
    public double getDouble(int tag, double defaultValue) {
        Element e = get(tag);
        if (e == null) {
            return defaultValue;
        }
        double[] v = e.doubles();
        return v.length == 0 || Double.isNaN(v[0]) ? defaultValue : v[0];
    }

    /** The items of the sequence with this tag, or null when absent or not a sequence. */
    public List<DataSet> getSequence(int tag) {
        Element e = get(tag);
        return e == null || e.vr() != VR.SQ || e.isBulkData() ? null : e.items();
    }

    // ---------------------------------------------------------------- writes

    /**
     * Sets text values. For text VRs the values are joined with backslash; for numeric VRs
     * (US, FL, AT as "GGGGEEEE", ...) each value is parsed and stored as binary. No values gives
     * an empty element.
     *
     * @throws IllegalArgumentException for binary VRs or SQ, or a value that does not parse
     */
    public DataSet setString(int tag, VR vr, String... values) {
        return set(new Element(tag, vr, Values.fromStrings(tag, vr, values)));
    }

    /** Sets integer values: binary for numeric and binary VRs, decimal text for text VRs (IS, DS, ...). */
    public DataSet setInt(int tag, VR vr, int... values) {
        long[] l = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            l[i] = values[i];
        }
        return setLong(tag, vr, l);
    }

    /** Sets 64-bit integer values (SV, UV and the others as in {@link #setInt}). */
    public DataSet setLong(int tag, VR vr, long... values) {
        return set(new Element(tag, vr, Values.fromLongs(tag, vr, values)));
    }

    /**
     * Sets floating point values: binary for FL FD OF OD, DS text (at most 16 characters, PS3.5
     * Table 6.2-1) for DS, integers truncated for integer VRs.
     */
    public DataSet setDouble(int tag, VR vr, double... values) {
        return set(new Element(tag, vr, Values.fromDoubles(tag, vr, values)));
    }

    /**
     * Sets a value given as little-endian value bytes (numeric and binary VRs), not copied; for
     * text VRs the bytes are taken as ISO-8859-1/ASCII text.
     */
    public DataSet setBytes(int tag, VR vr, byte[] value) {
        Object v = value;
        if (vr.isString() && value != null) {
            v = Element.trimEnd(new String(value, java.nio.charset.StandardCharsets.ISO_8859_1));
        } else if (vr == VR.SQ) {
            throw new IllegalArgumentException("SQ has no bytes: " + Tag.toString(tag));
        }
        return set(new Element(tag, vr, v));
    }

    /** Sets a value skipped by a header-only read or referenced by a BulkDataURI. */
    public DataSet setBulkData(int tag, VR vr, BulkDataReference reference) {
        return set(new Element(tag, vr, reference));
    }

    /**
     * Creates (or replaces) the SQ element with this tag and returns its item list, to which items
     * are added.
     */
    public List<DataSet> newSequence(int tag) {
        List<DataSet> items = new ArrayList<>();
        set(new Element(tag, VR.SQ, items, -1));
        return items;
    }

    /**
     * Sets encapsulated pixel data (PS3.5 §A.4): the first fragment is the Basic Offset Table
     * (may be empty).
     */
    public DataSet setFragments(int tag, VR vr, List<byte[]> fragments) {
        if (!vr.isBinary()) {
            throw new IllegalArgumentException("Fragments need OB or OW, not " + vr);
        }
        return set(new Element(tag, vr, new Fragments(fragments), -1));
    }

    // ---------------------------------------------------------------- private data

    /**
     * The Private Creator of a private element (gggg,xxEE), the value of (gggg,00xx); null for
     * public tags, private creator elements themselves, or when the block has no creator.
     */
    public String privateCreatorOf(int tag) {
        if (!Tag.isPrivate(tag) || Tag.isPrivateCreator(tag)) {
            return null;
        }
        int block = (tag >>> 8) & 0xFF;
        if (block < 0x10) {
            return null;
        }
        return getString((tag & 0xFFFF0000) | block);
    }

    /**
     * The tag at which {@code tag}'s element byte lives in the block reserved by
     * {@code privateCreator} in {@code tag}'s group; with {@code reserve}, a free block
     * (gggg,0010)-(gggg,00FF) is reserved when the creator has none.
     *
     * @return the full private tag, or -1 when the creator has no block and {@code reserve} is false
     * @throws IllegalArgumentException when the group is not private (odd, above 0008) or all 240 blocks are taken
     */
    public int privateTag(String privateCreator, int tag, boolean reserve) {
        int group = tag >>> 16;
        if ((group & 1) == 0 || group <= 8 || group == 0xFFFF) {
            throw new IllegalArgumentException("Not a private group: " + Tag.toString(tag));
        }
        int base = tag & 0xFFFF0000;
        int free = -1;
        for (int block = 0x10; block <= 0xFF; block++) {
            Element creator = get(base | block);
            if (creator == null) {
                if (free < 0) {
                    free = block;
                }
            } else if (privateCreator.equals(creator.string(0))) {
                return base | block << 8 | (tag & 0xFF);
            }
        }
        if (!reserve) {
            return -1;
        }
        if (free < 0) {
            throw new IllegalArgumentException("No free private block in group "
                    + String.format("%04X", group) + " for " + privateCreator);
        }
        setString(base | free, VR.LO, privateCreator);
        return base | free << 8 | (tag & 0xFF);
    }

    /** Sets text values of a private element in the block of {@code privateCreator} (reserved when needed). */
    public DataSet setString(String privateCreator, int tag, VR vr, String... values) {
        return setString(privateTag(privateCreator, tag, true), vr, values);
    }

    /** Sets value bytes of a private element in the block of {@code privateCreator} (reserved when needed). */
    public DataSet setBytes(String privateCreator, int tag, VR vr, byte[] value) {
        return setBytes(privateTag(privateCreator, tag, true), vr, value);
    }

    /** The private element of {@code privateCreator} whose element byte is {@code tag}'s low byte, or null. */
    public Element get(String privateCreator, int tag) {
        int t = privateTag(privateCreator, tag, false);
        return t < 0 ? null : get(t);
    }

    // ---------------------------------------------------------------- object

    @Override
    public Iterator<Element> iterator() {
        return new Iterator<>() {
            private int next;
            private final int expected = size;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public Element next() {
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                if (expected != size) {
                    throw new java.util.ConcurrentModificationException();
                }
                return elements[next++];
            }
        };
    }

    /** Equal when both hold equal elements (tag, VR, value; items compared deeply). */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DataSet)) {
            return false;
        }
        DataSet d = (DataSet) o;
        if (d.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (tags[i] != d.tags[i] || !elements[i].equals(d.elements[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = 0; i < size; i++) {
            h = 31 * h + elements[i].hashCode();
        }
        return h;
    }

    /** One line per element, items indented, for diagnostics. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        appendTo(sb, "");
        return sb.toString();
    }

    private void appendTo(StringBuilder sb, String indent) {
        for (int i = 0; i < size; i++) {
            Element e = elements[i];
            sb.append(indent).append(e).append('\n');
            List<DataSet> items = e.items();
            for (int j = 0; j < items.size(); j++) {
                sb.append(indent).append("  item ").append(j + 1).append('\n');
                items.get(j).appendTo(sb, indent + "    ");
            }
        }
    }
}
