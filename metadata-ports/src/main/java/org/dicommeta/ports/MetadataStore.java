package org.dicommeta.ports;

import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dicommeta.domain.Instance;
import org.dicommeta.domain.InstanceOutcome;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.MetadataScope;
import org.dicommeta.domain.RecordInfo;

/**
 * The storage a backend provides: an index of instances keyed by SOP Instance UID and, per
 * {@link MetadataFormat}, at most one record per instance. The agent in metadata-core is its only caller
 * and validates every UID before calling; a store may validate again.
 *
 * <p><b>Protocol.</b> Opened by {@link StoreProvider#open(StoreRequest)} (or by an adapter's public
 * factory over a caller's connection object), used, then {@link #close() closed} once by whoever opened
 * it. A store closes what it opened and never what the caller handed in.
 *
 * <p><b>Thread safety.</b> Every method may be called from several threads at once.
 *
 * <p><b>Invariants</b> the contract test kit checks on every backend:
 * <ul>
 *   <li>no record exists without its instance; deleting an instance deletes its records;</li>
 *   <li>{@code count(f, ALL) == count(f, EXISTING) + count(f, MISSING)} at every quiet moment, MISSING
 *       computed so it cannot drift (anti-join, counters in the same transaction, or two counts from one
 *       consistent snapshot);</li>
 *   <li>a record is written whole or not at all: a reader never sees part of one, even after a crash;</li>
 *   <li>{@link #getRecord} returns exactly the bytes written.</li>
 * </ul>
 *
 * <p><b>Exceptions.</b> Only the domain's: {@link org.dicommeta.domain.BackendUnavailableException} for
 * transient failures (after which a batch is wholly written or not at all), and
 * {@link org.dicommeta.domain.BackendException} for the rest. Driver exceptions never cross this port.
 */
public interface MetadataStore extends AutoCloseable {

    /** A one-line description for logs and the command line, passwords masked. */
    String describe();

    /** Indexes an instance. An existing UID is replaced only when {@code overwrite}; records are kept either way. */
    InstanceOutcome putInstance(Instance instance, boolean overwrite);

    /**
     * Indexes a batch of instances (an import): the outcome of each, in the batch's order. Where the
     * backend has transactions the batch is one. The default calls {@link #putInstance} for each;
     * backends override it with a bulk write.
     */
    default List<InstanceOutcome> putInstances(List<Instance> batch, boolean overwrite) {
        List<InstanceOutcome> out = new java.util.ArrayList<>(batch.size());
        for (Instance i : batch) {
            out.add(putInstance(i, overwrite));
        }
        return out;
    }

    Optional<Instance> findInstance(String sopInstanceUid);

    /** Deletes these instances and their records; returns how many instances existed. */
    long deleteInstances(Collection<String> sopInstanceUids);

    /** The count of the scope for the format; ALL is the number of instances. */
    long count(MetadataFormat format, MetadataScope scope);

    boolean exists(MetadataFormat format, String sopInstanceUid);

    /**
     * One keyset page of a scope's selection: instances whose UID is greater than {@code afterUid} (or all
     * when null), in ascending UID order (plain {@link String#compareTo} order), at most {@code limit},
     * each with the formats among {@code formats} the scope selects it for. Instances selected for no
     * format are left out. An empty page means the end. Never loads more than {@code limit} instances.
     */
    List<SelectedInstance> select(Set<MetadataFormat> formats, MetadataScope scope, String afterUid, int limit);

    /**
     * Writes a batch of records. The result lists each write's outcome in the batch's order. Where the
     * backend has transactions the batch is one; every record is atomic in any case.
     */
    List<RecordWriteOutcome> putRecords(List<RecordWrite> batch);

    Optional<byte[]> getRecord(MetadataFormat format, String sopInstanceUid);

    /** The record as a stream the caller closes; for large records. */
    Optional<InputStream> openRecord(MetadataFormat format, String sopInstanceUid);

    Optional<RecordInfo> recordInfo(MetadataFormat format, String sopInstanceUid);

    /** Deletes these records; returns how many existed. Unknown UIDs are not an error. */
    long deleteRecords(MetadataFormat format, Collection<String> sopInstanceUids);

    /** Deletes every record of the format; instances stay. Returns the number deleted. */
    long deleteAllRecords(MetadataFormat format);

    /** Releases what the store opened. Idempotent. */
    @Override
    void close();
}
