package org.dicommeta.adapter.filesystem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntPredicate;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.MetadataScope;

/**
 * The in-memory picture of the store: every instance UID, in {@link String#compareTo} order, with a bit
 * per format that has a record, and the number of records per format. Built by the open scan; after that
 * changed only by the store, under the UID's stripe lock and right after the file change it mirrors.
 *
 * <p>One read-write lock guards the map and the counters together, so {@link #count} reads the number
 * of instances and the number of records in one consistent snapshot: since no bit can be set for an
 * absent instance, {@code MISSING = instances - records} can neither drift nor go negative.
 *
 * <p>Memory: one {@link TreeMap} entry per instance (the entry, the UID string and its bytes), about
 * 130 bytes for a typical 50-character UID (measured: see the module README).
 */
final class StoreIndex {

    /** One selected UID and its record bits at the moment of the page. */
    record Entry(String uid, int bits) {
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final TreeMap<String, Byte> entries = new TreeMap<>();
    private final long[] records = new long[MetadataFormat.values().length];
    private final int scanBudget;

    StoreIndex(int scanBudget) {
        if (scanBudget < 1) {
            throw new IllegalArgumentException("scan budget < 1");
        }
        this.scanBudget = scanBudget;
    }

    static int bit(MetadataFormat format) {
        return 1 << format.ordinal();
    }

    /** Adds an instance found by the open scan with the record bits found beside it. */
    void load(String uid, int bits) {
        lock.writeLock().lock();
        try {
            Byte old = entries.put(uid, (byte) bits);
            adjust(old == null ? 0 : old, bits);
        } finally {
            lock.writeLock().unlock();
        }
    }

    boolean hasInstance(String uid) {
        lock.readLock().lock();
        try {
            return entries.containsKey(uid);
        } finally {
            lock.readLock().unlock();
        }
    }

    boolean hasRecord(String uid, MetadataFormat format) {
        lock.readLock().lock();
        try {
            Byte b = entries.get(uid);
            return b != null && (b & bit(format)) != 0;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Adds an instance without records; no-op when present (its records stay). */
    void addInstance(String uid) {
        lock.writeLock().lock();
        try {
            entries.putIfAbsent(uid, (byte) 0);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes an instance and whatever record bits it still had. */
    void removeInstance(String uid) {
        lock.writeLock().lock();
        try {
            Byte old = entries.remove(uid);
            if (old != null) {
                adjust(old, 0);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Sets or clears a record bit of a present instance; ignored for an absent one. */
    void setRecord(String uid, MetadataFormat format, boolean present) {
        lock.writeLock().lock();
        try {
            Byte old = entries.get(uid);
            if (old == null) {
                return;
            }
            int bits = present ? old | bit(format) : old & ~bit(format);
            entries.put(uid, (byte) bits);
            adjust(old, bits);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void adjust(int oldBits, int newBits) {
        for (MetadataFormat f : MetadataFormat.values()) {
            int b = bit(f);
            if ((oldBits & b) != (newBits & b)) {
                records[f.ordinal()] += (newBits & b) != 0 ? 1 : -1;
            }
        }
    }

    long count(MetadataFormat format, MetadataScope scope) {
        lock.readLock().lock();
        try {
            long all = entries.size();
            long existing = records[format.ordinal()];
            switch (scope) {
                case ALL:
                    return all;
                case EXISTING:
                    return existing;
                case MISSING:
                    return all - existing;
                default:
                    throw new IllegalArgumentException("Unknown scope " + scope);
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    int size() {
        lock.readLock().lock();
        try {
            return entries.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * One step of a keyset walk: up to {@code limit} entries after {@code afterUid} (all when null), in
     * ascending order, whose bits {@code wanted} accepts, looking at no more than the scan budget
     * entries so that a sparse selection never holds the lock for a long walk.
     *
     * @param entries     the accepted entries
     * @param lastScanned the last UID looked at (the cursor of the next step), or null when none was
     * @param end         whether the walk reached the end of the index
     */
    record Page(List<Entry> entries, String lastScanned, boolean end) {
    }

    /** How many entries one {@link #page} step looks at, by default, before it lets writers in. */
    static final int SCAN_BUDGET = 16_384;

    Page page(String afterUid, int limit, IntPredicate wanted) {
        List<Entry> out = new ArrayList<>(Math.min(limit, 1024));
        String last = null;
        int scanned = 0;
        lock.readLock().lock();
        try {
            Map<String, Byte> tail = afterUid == null ? entries : entries.tailMap(afterUid, false);
            for (Map.Entry<String, Byte> e : tail.entrySet()) {
                if (out.size() >= limit || scanned >= scanBudget) {
                    return new Page(out, last, false);
                }
                last = e.getKey();
                scanned++;
                if (wanted.test(e.getValue())) {
                    out.add(new Entry(e.getKey(), e.getValue()));
                }
            }
            return new Page(out, last, true);
        } finally {
            lock.readLock().unlock();
        }
    }
}
