package org.dicommeta.core;

import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.dicommeta.codec.DataSet;
import org.dicommeta.codec.Tag;
import org.dicommeta.codec.io.DicomFile;
import org.dicommeta.domain.BackendException;
import org.dicommeta.domain.GenerationListener;
import org.dicommeta.domain.GenerationOptions;
import org.dicommeta.domain.GenerationRun;
import org.dicommeta.domain.Instance;
import org.dicommeta.domain.InstanceNotFoundException;
import org.dicommeta.domain.InstanceOutcome;
import org.dicommeta.domain.InvalidDicomException;
import org.dicommeta.domain.InvalidUidException;
import org.dicommeta.domain.MetadataAgent;
import org.dicommeta.domain.MetadataException;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.MetadataOptions;
import org.dicommeta.domain.MetadataRecords;
import org.dicommeta.domain.MetadataScope;
import org.dicommeta.domain.RenderOptions;
import org.dicommeta.domain.Secrets;
import org.dicommeta.domain.StoreOptions;
import org.dicommeta.domain.StoreResult;
import org.dicommeta.domain.Uids;
import org.dicommeta.domain.WriteOutcome;
import org.dicommeta.ports.MetadataStore;
import org.dicommeta.ports.RecordWrite;
import org.dicommeta.ports.RecordWriteOutcome;

/**
 * The metadata agent over one {@link MetadataStore}. Thread-safe: it keeps no state of its own but the
 * set of running generation runs and whether it is closed; the store is thread-safe by its contract.
 * Every UID argument is validated ({@link Uids}) before it reaches the store.
 */
final class DefaultMetadataAgent implements MetadataAgent {

    private static final System.Logger LOG = System.getLogger(DefaultMetadataAgent.class.getName());

    private final MetadataStore store;
    private final boolean ownsStore;
    private final SourceLoader loader;
    private final Renderer renderer;
    private final EngineSettings engine;
    private final Map<MetadataFormat, DefaultMetadataRecords> records = new EnumMap<>(MetadataFormat.class);
    private final Set<GenerationJob> running = ConcurrentHashMap.newKeySet();
    private final Object lifecycle = new Object();
    private volatile boolean closed;

    DefaultMetadataAgent(MetadataStore store, boolean ownsStore) {
        this(store, ownsStore, Part10Sources::load, CodecRenderer.INSTANCE, EngineSettings.DEFAULTS);
    }

    DefaultMetadataAgent(MetadataStore store, boolean ownsStore, SourceLoader loader, Renderer renderer,
            EngineSettings engine) {
        this.store = Objects.requireNonNull(store, "store");
        this.ownsStore = ownsStore;
        this.loader = loader;
        this.renderer = renderer;
        this.engine = engine;
        for (MetadataFormat f : MetadataFormat.values()) {
            records.put(f, new DefaultMetadataRecords(this, f));
        }
    }

    MetadataStore store() {
        checkOpen();
        return store;
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("The metadata agent on " + store.describe() + " is closed");
        }
    }

    // ------------------------------------------------------------------ instances

    @Override
    public StoreResult store(Path file, StoreOptions options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        checkOpen();
        String source = file.toAbsolutePath().normalize().toString();
        DicomFile dicom = Part10Sources.read(file, source, fullRead(options));
        return index(dicom.dataSet(), dicom.fileMetaInformation(), dicom.transferSyntaxUid(), source, options);
    }

    @Override
    public StoreResult store(InputStream in, String source, StoreOptions options) {
        Objects.requireNonNull(in, "in");
        requireSource(source);
        Objects.requireNonNull(options, "options");
        checkOpen();
        DicomFile dicom = Part10Sources.read(in, source, fullRead(options));
        return index(dicom.dataSet(), dicom.fileMetaInformation(), dicom.transferSyntaxUid(), source, options);
    }

    @Override
    public StoreResult store(DataSet dataSet, String transferSyntaxUid, String source, StoreOptions options) {
        Objects.requireNonNull(dataSet, "dataSet");
        requireSource(source);
        Objects.requireNonNull(options, "options");
        checkOpen();
        return index(dataSet, null, transferSyntaxUid, source, options);
    }

    private static void requireSource(String source) {
        Objects.requireNonNull(source, "source");
        if (source.isBlank()) {
            throw new IllegalArgumentException("source must name a file path or URI, was blank");
        }
    }

    private static boolean fullRead(StoreOptions options) {
        return options.render().map(CodecRenderer::writesBinaryInline).orElse(false);
    }

    /**
     * Indexes the instance and renders what was asked. Rendering comes first so that a data set the codec
     * cannot render leaves nothing behind, not even the index entry.
     */
    private StoreResult index(DataSet ds, DataSet meta, String transferSyntaxUid, String source,
            StoreOptions options) {
        String sopUid = ds.getString(Tag.SOPInstanceUID);
        if (sopUid == null && meta != null) {
            sopUid = meta.getString(Tag.MediaStorageSOPInstanceUID);
        }
        if (sopUid == null || sopUid.isEmpty()) {
            throw new InvalidDicomException(source, -1, "no SOP Instance UID (0008,0018)", null);
        }
        if (!Uids.isValid(sopUid)) {
            throw new InvalidUidException("SOP Instance UID (0008,0018) of " + Secrets.mask(source), sopUid);
        }
        Instance instance = new Instance(sopUid, ds.getString(Tag.StudyInstanceUID),
                ds.getString(Tag.SeriesInstanceUID), ds.getString(Tag.PatientID), ds.getString(Tag.SOPClassUID),
                transferSyntaxUid, source, Instant.now());
        List<RecordWrite> writes = new ArrayList<>(2);
        options.render().ifPresent(render -> {
            RecordWrite.Mode mode = options.overwrite() ? RecordWrite.Mode.REPLACE : RecordWrite.Mode.IF_ABSENT;
            for (RenderOptions o : render.all()) {
                writes.add(Records.render(renderer, ds, instance.sopInstanceUid(), source, o, mode));
            }
        });
        InstanceOutcome outcome = store().putInstance(instance, options.overwrite());
        Map<MetadataFormat, WriteOutcome> metadata = writes.isEmpty() ? Map.of() : putRecords(sopUid, writes);
        return new StoreResult(sopUid, outcome, metadata);
    }

    @Override
    public Optional<Instance> instance(String sopInstanceUid) {
        Uids.requireSopInstanceUid(sopInstanceUid);
        return store().findInstance(sopInstanceUid);
    }

    @Override
    public long deleteInstances(Collection<String> sopInstanceUids) {
        List<String> uids = validated(sopInstanceUids);
        return uids.isEmpty() ? 0 : store().deleteInstances(uids);
    }

    static List<String> validated(Collection<String> sopInstanceUids) {
        Objects.requireNonNull(sopInstanceUids, "sopInstanceUids");
        List<String> out = new ArrayList<>(sopInstanceUids.size());
        for (String uid : sopInstanceUids) {
            out.add(Uids.requireSopInstanceUid(uid));
        }
        return out;
    }

    // ------------------------------------------------------------------ records

    @Override
    public MetadataRecords records(MetadataFormat format) {
        return records.get(Objects.requireNonNull(format, "format"));
    }

    @Override
    public Map<MetadataFormat, WriteOutcome> storeMetadata(DataSet dataSet, String sopInstanceUid,
            MetadataOptions options, boolean overwrite) {
        Uids.requireSopInstanceUid(sopInstanceUid);
        Objects.requireNonNull(dataSet, "dataSet");
        Objects.requireNonNull(options, "options");
        checkOpen();
        String inData = dataSet.getString(Tag.SOPInstanceUID);
        if (inData != null && !inData.equals(sopInstanceUid)) {
            throw new MetadataException("The data set's SOP Instance UID " + inData
                    + " differs from the UID its metadata would be stored under, " + sopInstanceUid
                    + "; nothing written");
        }
        RecordWrite.Mode mode = overwrite ? RecordWrite.Mode.REPLACE : RecordWrite.Mode.IF_ABSENT;
        String source = "data set of " + sopInstanceUid;
        List<RecordWrite> writes = new ArrayList<>(2);
        for (RenderOptions o : options.all()) {
            writes.add(Records.render(renderer, dataSet, sopInstanceUid, source, o, mode));
        }
        return putRecords(sopInstanceUid, writes);
    }

    private Map<MetadataFormat, WriteOutcome> putRecords(String sopInstanceUid, List<RecordWrite> writes) {
        List<RecordWriteOutcome> outcomes = store().putRecords(writes);
        if (outcomes.size() != writes.size()) {
            throw new BackendException("store " + store.describe() + " answered " + outcomes.size()
                    + " outcomes for " + writes.size() + " records of " + sopInstanceUid);
        }
        Map<MetadataFormat, WriteOutcome> out = new EnumMap<>(MetadataFormat.class);
        for (int i = 0; i < writes.size(); i++) {
            switch (outcomes.get(i)) {
                case WRITTEN -> out.put(writes.get(i).format(), WriteOutcome.WRITTEN);
                case EXISTS -> out.put(writes.get(i).format(), WriteOutcome.NOT_WRITTEN_EXISTS);
                case NO_INSTANCE -> throw new InstanceNotFoundException(sopInstanceUid);
                default -> throw new IllegalStateException("unknown outcome " + outcomes.get(i));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ generation

    @Override
    public GenerationRun generate(GenerationOptions options, MetadataScope scope, GenerationListener listener) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(scope, "scope");
        GenerationListener l = listener == null ? GenerationListener.NONE : listener;
        GenerationJob job = new GenerationJob(store, loader, renderer, engine, options, scope, l, running::remove);
        synchronized (lifecycle) {
            checkOpen();
            running.add(job);
        }
        try {
            job.start();
        } catch (RuntimeException | Error e) {
            // Without its coordinator the run would never complete, and close() would wait for it forever.
            running.remove(job);
            throw new MetadataException("Cannot start a generation run on " + store.describe() + ": " + e, e);
        }
        return job;
    }

    /** The runs still going; for tests and for {@link #close()}. */
    Set<GenerationJob> runningJobs() {
        return Set.copyOf(running);
    }

    @Override
    public String describe() {
        return store.describe();
    }

    /** Cancels and awaits every run, then closes the store if this agent opened it. Idempotent. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
        }
        List<GenerationJob> jobs = new ArrayList<>(running);
        jobs.forEach(GenerationJob::cancel);
        boolean interrupted = false;
        GenerationJob callingRun = null;
        for (GenerationJob job : jobs) {
            if (job.isCoordinatorThread()) {
                // close() from one of this run's own listeners: the run is cancelled and ends when the
                // listener returns; waiting for it here would wait forever.
                callingRun = job;
                continue;
            }
            boolean ended;
            try {
                ended = job.await(engine.closeWait()).isPresent();
            } catch (MetadataException e) {
                ended = true; // it ended abnormally; there is nothing left to wait for
            }
            if (!ended) {
                if (Thread.currentThread().isInterrupted()) {
                    interrupted = true;
                    LOG.log(Level.WARNING, "Interrupted while closing: a generation run may still be stopping");
                    break;
                }
                // A store call that never returns must not hang close(): the store is closed under the run,
                // whose pending call then fails and which still ends with Completed.
                LOG.log(Level.WARNING, "A cancelled generation run on " + store.describe() + " did not end within "
                        + engine.closeWait().toSeconds() + " s; closing anyway");
            }
        }
        if (ownsStore) {
            if (callingRun == null) {
                store.close();
            } else {
                // The calling run still writes what it has in flight; the store closes once it completes.
                callingRun.completion().whenComplete((result, failure) -> store.close());
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "MetadataAgent[" + store.describe() + "]";
    }
}
