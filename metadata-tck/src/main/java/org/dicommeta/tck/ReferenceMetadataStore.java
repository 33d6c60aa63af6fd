package org.dicommeta.tck;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import org.dicommeta.domain.BackendException;
import org.dicommeta.domain.Instance;
import org.dicommeta.domain.InstanceOutcome;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.MetadataScope;
import org.dicommeta.domain.RecordInfo;
import org.dicommeta.domain.Uids;
import org.dicommeta.ports.MetadataStore;
import org.dicommeta.ports.RecordWrite;
import org.dicommeta.ports.RecordWriteOutcome;
import org.dicommeta.ports.SelectedInstance;

/**
 * The in-memory reference implementation of {@link MetadataStore}: the contract kit's oracle.
 *
 * <p>Written to be obviously correct rather than fast: one lock guards everything, so every call sees
 * and leaves a consistent state (MISSING is ALL minus EXISTING read under the same lock, and no record
 * can outlive its instance because both maps change under that lock). Instances and records live in
 * {@link TreeMap}s ordered by {@link String#compareTo}, which gives keyset pages for
 * {@link #select} directly. Record bytes are copied on the way in and out, so callers can't change
 * what is stored.
 *
 * <p>Thread-safe. Holds everything in memory: for tests, demos and small data only. After
 * {@link #close()} every call but {@code close} and {@code describe} throws {@link BackendException}.
 */
public final class ReferenceMetadataStore implements MetadataStore {

    private final ReentrantLock lock = new ReentrantLock();
    private final TreeMap<String, Instance> instances = new TreeMap<>();
    private final Map<MetadataFormat, TreeMap<String, StoredRecord>> records = new EnumMap<>(MetadataFormat.class);
    private boolean closed;

    private record StoredRecord(RecordInfo info, byte[] content) {
    }

    /** An empty store. */
    public ReferenceMetadataStore() {
        for (MetadataFormat f : MetadataFormat.values()) {
            records.put(f, new TreeMap<>());
        }
    }

    @Override
    public String describe() {
        return "in-memory reference store";
    }

    @Override
    public InstanceOutcome putInstance(Instance instance, boolean overwrite) {
        Uids.requireSopInstanceUid(instance.sopInstanceUid());
        lock.lock();
        try {
            ensureOpen();
            Instance old = instances.get(instance.sopInstanceUid());
            if (old == null) {
                instances.put(instance.sopInstanceUid(), instance);
                return InstanceOutcome.STORED;
            }
            if (!overwrite) {
                return InstanceOutcome.ALREADY_PRESENT;
            }
            instances.put(instance.sopInstanceUid(), instance);
            return InstanceOutcome.REPLACED;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<Instance> findInstance(String sopInstanceUid) {
        Uids.requireSopInstanceUid(sopInstanceUid);
        lock.lock();
        try {
            ensureOpen();
            return Optional.ofNullable(instances.get(sopInstanceUid));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long deleteInstances(Collection<String> sopInstanceUids) {
        sopInstanceUids.forEach(Uids::requireSopInstanceUid);
        lock.lock();
        try {
            ensureOpen();
            long n = 0;
            for (String uid : Set.copyOf(sopInstanceUids)) {
                if (instances.remove(uid) != null) {
                    n++;
                }
                for (TreeMap<String, StoredRecord> byUid : records.values()) {
                    byUid.remove(uid);
                }
            }
            return n;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long count(MetadataFormat format, MetadataScope scope) {
        lock.lock();
        try {
            ensureOpen();
            long all = instances.size();
            long existing = records.get(format).size();
            return switch (scope) {
                case ALL -> all;
                case EXISTING -> existing;
                case MISSING -> all - existing;
            };
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean exists(MetadataFormat format, String sopInstanceUid) {
        Uids.requireSopInstanceUid(sopInstanceUid);
        lock.lock();
        try {
            ensureOpen();
            return records.get(format).containsKey(sopInstanceUid);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<SelectedInstance> select(Set<MetadataFormat> formats, MetadataScope scope, String afterUid,
            int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("select needs at least one format");
        }
        lock.lock();
        try {
            ensureOpen();
            NavigableMap<String, Instance> tail = afterUid == null ? instances : instances.tailMap(afterUid, false);
            List<SelectedInstance> page = new ArrayList<>(Math.min(limit, 1024));
            for (Instance i : tail.values()) {
                EnumSet<MetadataFormat> selectedFor = EnumSet.noneOf(MetadataFormat.class);
                for (MetadataFormat f : formats) {
                    boolean has = records.get(f).containsKey(i.sopInstanceUid());
                    if (scope == MetadataScope.ALL || (scope == MetadataScope.EXISTING) == has) {
                        selectedFor.add(f);
                    }
                }
                if (!selectedFor.isEmpty()) {
                    page.add(new SelectedInstance(i, selectedFor));
                    if (page.size() == limit) {
                        break;
                    }
                }
            }
            return page;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<RecordWriteOutcome> putRecords(List<RecordWrite> batch) {
        lock.lock();
        try {
            ensureOpen();
            List<RecordWriteOutcome> out = new ArrayList<>(batch.size());
            for (RecordWrite w : batch) {
                TreeMap<String, StoredRecord> byUid = records.get(w.format());
                if (!instances.containsKey(w.sopInstanceUid())) {
                    out.add(RecordWriteOutcome.NO_INSTANCE);
                } else if (w.mode() == RecordWrite.Mode.IF_ABSENT && byUid.containsKey(w.sopInstanceUid())) {
                    out.add(RecordWriteOutcome.EXISTS);
                } else {
                    byUid.put(w.sopInstanceUid(), new StoredRecord(w.info(), w.content().clone()));
                    out.add(RecordWriteOutcome.WRITTEN);
                }
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<byte[]> getRecord(MetadataFormat format, String sopInstanceUid) {
        return record(format, sopInstanceUid).map(r -> r.content().clone());
    }

    @Override
    public Optional<InputStream> openRecord(MetadataFormat format, String sopInstanceUid) {
        // The stored array is never mutated after being put, so the stream may share it.
        return record(format, sopInstanceUid).map(r -> new ByteArrayInputStream(r.content()));
    }

    @Override
    public Optional<RecordInfo> recordInfo(MetadataFormat format, String sopInstanceUid) {
        return record(format, sopInstanceUid).map(StoredRecord::info);
    }

    @Override
    public long deleteRecords(MetadataFormat format, Collection<String> sopInstanceUids) {
        sopInstanceUids.forEach(Uids::requireSopInstanceUid);
        lock.lock();
        try {
            ensureOpen();
            long n = 0;
            for (String uid : Set.copyOf(sopInstanceUids)) {
                if (records.get(format).remove(uid) != null) {
                    n++;
                }
            }
            return n;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long deleteAllRecords(MetadataFormat format) {
        lock.lock();
        try {
            ensureOpen();
            TreeMap<String, StoredRecord> byUid = records.get(format);
            long n = byUid.size();
            byUid.clear();
            return n;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
    }

    private Optional<StoredRecord> record(MetadataFormat format, String sopInstanceUid) {
        Uids.requireSopInstanceUid(sopInstanceUid);
        lock.lock();
        try {
            ensureOpen();
            return Optional.ofNullable(records.get(format).get(sopInstanceUid));
        } finally {
            lock.unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new BackendException("The " + describe() + " is closed");
        }
    }
}
