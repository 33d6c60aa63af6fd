package org.dicommeta.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dicommeta.codec.DataSet;
import org.dicommeta.codec.UID;
import org.dicommeta.codec.io.DicomFile;
import org.dicommeta.domain.GenerationOptions;
import org.dicommeta.domain.GenerationResult;
import org.dicommeta.domain.Instance;
import org.dicommeta.domain.InstanceOutcome;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.MetadataOptions;
import org.dicommeta.domain.MetadataScope;
import org.dicommeta.domain.RecordInfo;
import org.dicommeta.ports.MetadataStore;
import org.dicommeta.ports.RecordWrite;
import org.dicommeta.ports.RecordWriteOutcome;
import org.dicommeta.ports.SelectedInstance;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A quick number for the engine's own cost: a run over a store that keeps nothing, with a loader that
 * reads nothing and (first) a renderer that renders nothing, so what is left is the spill, the queues,
 * the threads, hashing and the events. Not part of the normal build (the JMH benchmark is in
 * benchmarks); run with {@code -Ddm.measure=true}.
 */
class EngineOverheadMeasurement {

    private static final System.Logger LOG = System.getLogger(EngineOverheadMeasurement.class.getName());

    /** Selects {@code n} synthetic instances and accepts every write without keeping it. */
    static final class NoOpStore implements MetadataStore {
        private final int n;

        NoOpStore(int n) {
            this.n = n;
        }

        static String uid(int i) {
            // Same length for every i, so string order is numeric order, as keyset paging needs.
            return "1.2.826.0.1.3680043.10.543.9." + (1_000_000_000 + i);
        }

        @Override
        public List<SelectedInstance> select(Set<MetadataFormat> formats, MetadataScope scope, String afterUid,
                int limit) {
            int from = afterUid == null ? 0 : Integer.parseInt(afterUid.substring(afterUid.lastIndexOf('.') + 1))
                    - 1_000_000_000 + 1;
            List<SelectedInstance> page = new ArrayList<>();
            for (int i = from; i < n && page.size() < limit; i++) {
                page.add(new SelectedInstance(new Instance(uid(i), null, null, null, null, null,
                        "/nowhere/" + i + ".dcm", Instant.EPOCH), formats));
            }
            return page;
        }

        @Override
        public List<RecordWriteOutcome> putRecords(List<RecordWrite> batch) {
            return Collections.nCopies(batch.size(), RecordWriteOutcome.WRITTEN);
        }

        @Override
        public String describe() {
            return "no-op";
        }

        @Override
        public InstanceOutcome putInstance(Instance instance, boolean overwrite) {
            return InstanceOutcome.STORED;
        }

        @Override
        public Optional<Instance> findInstance(String sopInstanceUid) {
            return Optional.empty();
        }

        @Override
        public long deleteInstances(Collection<String> sopInstanceUids) {
            return 0;
        }

        @Override
        public long count(MetadataFormat format, MetadataScope scope) {
            return n;
        }

        @Override
        public boolean exists(MetadataFormat format, String sopInstanceUid) {
            return false;
        }

        @Override
        public Optional<byte[]> getRecord(MetadataFormat format, String sopInstanceUid) {
            return Optional.empty();
        }

        @Override
        public Optional<InputStream> openRecord(MetadataFormat format, String sopInstanceUid) {
            return Optional.empty();
        }

        @Override
        public Optional<RecordInfo> recordInfo(MetadataFormat format, String sopInstanceUid) {
            return Optional.empty();
        }

        @Override
        public long deleteRecords(MetadataFormat format, Collection<String> sopInstanceUids) {
            return 0;
        }

        @Override
        public long deleteAllRecords(MetadataFormat format) {
            return 0;
        }

        @Override
        public void close() {
        }
    }

    @Test
    @DisplayName("engine overhead over a no-op store (run with -Ddm.measure=true)")
    void measure() {
        Assumptions.assumeTrue(Boolean.getBoolean("dm.measure"), "a measurement, not a test: -Ddm.measure=true");
        int n = Integer.getInteger("dm.measure.instances", 200_000);
        int workers = Integer.getInteger("dm.measure.workers", Runtime.getRuntime().availableProcessors());
        DataSet ds = TestData.dataSet(1);
        DicomFile file = new DicomFile(new DataSet(), ds, UID.ExplicitVRLittleEndian);
        byte[] record = new byte[1024];
        SourceLoader noRead = (source, full) -> file;
        Renderer noRender = (d, o) -> record;
        MetadataOptions json = MetadataOptions.json(org.dicommeta.domain.JsonOptions.defaults());

        run("warm-up", n / 4, workers, noRead, noRender, json);
        run("no-op renderer (engine only)", n, workers, noRead, noRender, json);
        run("codec JSON renderer, in-memory data set", n / 4, workers, noRead, CodecRenderer.INSTANCE, json);
        run("codec JSON+XML renderer, in-memory data set", n / 4, workers, noRead, CodecRenderer.INSTANCE,
                MetadataOptions.defaults());
    }

    private static void run(String what, int n, int workers, SourceLoader loader, Renderer renderer,
            MetadataOptions render) {
        try (DefaultMetadataAgent agent = new DefaultMetadataAgent(new NoOpStore(n), false, loader, renderer,
                EngineSettings.DEFAULTS)) {
            GenerationResult r = agent.generateAndWait(GenerationOptions.of(render).withWorkers(workers),
                    MetadataScope.ALL, null);
            assertThat(r.processed()).isEqualTo(n);
            double micros = r.elapsed().toNanos() / 1e3 / n;
            LOG.log(Level.INFO, String.format("%s: %d instances, %d workers, %d ms, %.0f instances/s, %.1f us/instance",
                    what, n, workers, r.elapsed().toMillis(), r.throughput(), micros));
        }
    }
}
