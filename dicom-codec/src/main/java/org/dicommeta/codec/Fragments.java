package org.dicommeta.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * The value of an element in encapsulated format (PS3.5 §A.4): the items of the undefined-length
 * Pixel Data element. The first fragment is the Basic Offset Table (possibly empty), every
 * following one a compressed fragment. The byte arrays are not copied.
 */
public final class Fragments implements Iterable<byte[]> {

    private final List<byte[]> fragments;

    /** Wraps the given fragments; the first is the Basic Offset Table. */
    public Fragments(List<byte[]> fragments) {
        this.fragments = new ArrayList<>(fragments);
        for (byte[] f : this.fragments) {
            if (f == null) {
                throw new NullPointerException("null fragment");
            }
        }
    }

    /** Number of items, Basic Offset Table included. */
    public int size() {
        return fragments.size();
    }

    /** The item at {@code index} (0 is the Basic Offset Table). */
    public byte[] get(int index) {
        return fragments.get(index);
    }

    /** The Basic Offset Table, an empty array when absent. */
    public byte[] basicOffsetTable() {
        return fragments.isEmpty() ? new byte[0] : fragments.get(0);
    }

    /** All items, unmodifiable. */
    public List<byte[]> asList() {
        return Collections.unmodifiableList(fragments);
    }

    /** Sum of the item value lengths. */
    public long totalLength() {
        long n = 0;
        for (byte[] f : fragments) {
            n += f.length;
        }
        return n;
    }

    @Override
    public Iterator<byte[]> iterator() {
        return asList().iterator();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Fragments)) {
            return false;
        }
        List<byte[]> other = ((Fragments) o).fragments;
        if (other.size() != fragments.size()) {
            return false;
        }
        for (int i = 0; i < fragments.size(); i++) {
            if (!Arrays.equals(fragments.get(i), other.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (byte[] f : fragments) {
            h = 31 * h + Arrays.hashCode(f);
        }
        return h;
    }

    @Override
    public String toString() {
        return "Fragments[" + fragments.size() + " items, " + totalLength() + " bytes]";
    }
}
