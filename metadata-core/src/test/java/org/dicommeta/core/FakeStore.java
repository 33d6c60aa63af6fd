package org.dicommeta.core;

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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.dicommeta.domain.Instance;
import org.dicommeta.domain.InstanceOutcome;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.MetadataScope;
import org.dicommeta.domain.RecordInfo;
import org.dicommeta.ports.MetadataStore;
import org.dicommeta.ports.RecordWrite;
import org.dicommeta.ports.RecordWriteOutcome;
import org.dicommeta.ports.SelectedInstance;

/**
 * A small in-memory store for core's own tests, with hooks to make it fail and counters to observe it.
 * Every method is synchronized: correctness over speed. (The kit's public reference store is
 * metadata-tck's, not this.)
 */
final class FakeStore implements MetadataStore {

    private record Stored(byte[] content, RecordInfo info) {
    }

    private final NavigableMap<String, Instance> instances = new TreeMap<>();
    private final Map<MetadataFormat, Map<String, Stored>> records = new EnumMap<>(MetadataFormat.class);

    /** Times each (format, UID) record was written; a record written twice shows up here. */
    final Map<String, AtomicInteger> writesPerRecord = new ConcurrentHashMap<>();
    final AtomicInteger putRecordsCalls = new AtomicInteger();
    final AtomicInteger selectCalls = new AtomicInteger();
    final AtomicInteger maxSelectLimit = new AtomicInteger();
    volatile boolean closed;
    /** Runs before each putRecords, outside the store's lock; may throw to simulate a failure. */
    volatile Consumer<List<RecordWrite>> beforePutRecords = b -> { };
    /** Runs before each select; may throw. */
    volatile Runnable beforeSelect = () -> { };

    FakeStore() {
        for (MetadataFormat f : MetadataFormat.values()) {
            records.put(f, new TreeMap<>());
        }
    }

    @Override
    public String describe() {
        return "fake:memory";
    }

    @Override
    public synchronized InstanceOutcome putInstance(Instance instance, boolean overwrite) {
        Instance old = instances.get(instance.sopInstanceUid());
        if (old != null && !overwrite) {
            return InstanceOutcome.ALREADY_PRESENT;
        }
        instances.put(instance.sopInstanceUid(), instance);
        return old == null ? InstanceOutcome.STORED : InstanceOutcome.REPLACED;
    }

    @Override
    public synchronized Optional<Instance> findInstance(String sopInstanceUid) {
        return Optional.ofNullable(instances.get(sopInstanceUid));
    }

    @Override
    public synchronized long deleteInstances(Collection<String> sopInstanceUids) {
        long n = 0;
        for (String uid : sopInstanceUids) {
            if (instances.remove(uid) != null) {
                n++;
            }
            records.values().forEach(m -> m.remove(uid));
        }
        return n;
    }

    @Override
    public synchronized long count(MetadataFormat format, MetadataScope scope) {
        long all = instances.size();
        long existing = records.get(format).size();
        return switch (scope) {
            case ALL -> all;
            case EXISTING -> existing;
            case MISSING -> all - existing;
        };
    }

    @Override
    public synchronized boolean exists(MetadataFormat format, String sopInstanceUid) {
        return records.get(format).containsKey(sopInstanceUid);
    }

    @Override
    public List<SelectedInstance> select(Set<MetadataFormat> formats, MetadataScope scope, String afterUid,
            int limit) {
        beforeSelect.run();
        selectCalls.incrementAndGet();
        maxSelectLimit.accumulateAndGet(limit, Math::max);
        synchronized (this) {
            List<SelectedInstance> page = new ArrayList<>();
            NavigableMap<String, Instance> tail = afterUid == null ? instances : instances.tailMap(afterUid, false);
            for (Instance i : tail.values()) {
                EnumSet<MetadataFormat> selected = EnumSet.noneOf(MetadataFormat.class);
                for (MetadataFormat f : formats) {
                    boolean has = records.get(f).containsKey(i.sopInstanceUid());
                    if (scope == MetadataScope.ALL || (scope == MetadataScope.EXISTING) == has) {
                        selected.add(f);
                    }
                }
                if (!selected.isEmpty()) {
                    page.add(new SelectedInstance(i, selected));
                    if (page.size() == limit) {
                        break;
                    }
                }
            }
            return page;
        }
    }

    @Override
    public List<RecordWriteOutcome> putRecords(List<RecordWrite> batch) {
        beforePutRecords.accept(batch);
        putRecordsCalls.incrementAndGet();
        synchronized (this) {
            List<RecordWriteOutcome> out = new ArrayList<>(batch.size());
            for (RecordWrite w : batch) {
                Map<String, Stored> m = records.get(w.format());
                if (!instances.containsKey(w.sopInstanceUid())) {
                    out.add(RecordWriteOutcome.NO_INSTANCE);
                } else if (w.mode() == RecordWrite.Mode.IF_ABSENT && m.containsKey(w.sopInstanceUid())) {
                    out.add(RecordWriteOutcome.EXISTS);
                } else {
                    m.put(w.sopInstanceUid(), new Stored(w.content().clone(), w.info()));
                    writesPerRecord.computeIfAbsent(w.format() + ":" + w.sopInstanceUid(), k -> new AtomicInteger())
                            .incrementAndGet();
                    out.add(RecordWriteOutcome.WRITTEN);
                }
            }
            return out;
        }
    }

    @Override
    public synchronized Optional<byte[]> getRecord(MetadataFormat format, String sopInstanceUid) {
        Stored s = records.get(format).get(sopInstanceUid);
        return s == null ? Optional.empty() : Optional.of(s.content.clone());
    }

    @Override
    public Optional<InputStream> openRecord(MetadataFormat format, String sopInstanceUid) {
        return getRecord(format, sopInstanceUid).map(ByteArrayInputStream::new);
    }

    @Override
    public synchronized Optional<RecordInfo> recordInfo(MetadataFormat format, String sopInstanceUid) {
        Stored s = records.get(format).get(sopInstanceUid);
        return s == null ? Optional.empty() : Optional.of(s.info);
    }

    @Override
    public synchronized long deleteRecords(MetadataFormat format, Collection<String> sopInstanceUids) {
        long n = 0;
        for (String uid : sopInstanceUids) {
            if (records.get(format).remove(uid) != null) {
                n++;
            }
        }
        return n;
    }

    @Override
    public synchronized long deleteAllRecords(MetadataFormat format) {
        long n = records.get(format).size();
        records.get(format).clear();
        return n;
    }

    @Override
    public void close() {
        closed = true;
    }
}
