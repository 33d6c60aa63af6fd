package org.dicommeta.domain;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.dicommeta.codec.DataSet;

/**
 * The metadata agent: the library's entry point. Indexes DICOM instances and keeps, per instance, at
 * most one DICOM JSON and one Native DICOM Model XML record, on whichever backend opened it.
 *
 * <p>Thread-safe. Every failure is a {@link MetadataException}. Closing releases what the agent opened
 * (connections, locks, worker threads); runs still going are cancelled and awaited.
 */
public interface MetadataAgent extends AutoCloseable {

    /** Indexes the Part 10 file at {@code file}; its path is kept as the source. */
    StoreResult store(Path file, StoreOptions options);

    /**
     * Indexes the instance read from {@code in}; {@code source} is where it can be loaded again from
     * (a file path or URI). The stream is read to its end but not closed.
     */
    StoreResult store(InputStream in, String source, StoreOptions options);

    /**
     * Indexes an already parsed data set. {@code source} is where it can be loaded again from,
     * {@code transferSyntaxUid} that of the source (may be null).
     */
    StoreResult store(DataSet dataSet, String transferSyntaxUid, String source, StoreOptions options);

    /** The index entry of an instance, or empty. */
    Optional<Instance> instance(String sopInstanceUid);

    /** Deletes instances and their records; returns how many existed. */
    long deleteInstances(Collection<String> sopInstanceUids);

    /** The records of one format. */
    MetadataRecords records(MetadataFormat format);

    default MetadataRecords json() {
        return records(MetadataFormat.JSON);
    }

    default MetadataRecords xml() {
        return records(MetadataFormat.XML);
    }

    /**
     * Renders and stores each requested format of {@code options} for one instance.
     *
     * @throws InstanceNotFoundException when no instance has that UID; nothing is written
     */
    Map<MetadataFormat, WriteOutcome> storeMetadata(DataSet dataSet, String sopInstanceUid, MetadataOptions options,
            boolean overwrite);

    /**
     * Starts a bulk generation run in the background and returns its handle at once. The selection
     * (per format: the instances of {@code scope}) is fixed when the run starts.
     */
    GenerationRun generate(GenerationOptions options, MetadataScope scope, GenerationListener listener);

    /** {@link #generate} and wait for the result. */
    default GenerationResult generateAndWait(GenerationOptions options, MetadataScope scope,
            GenerationListener listener) {
        return generate(options, scope, listener).await();
    }

    /** A description of the backend, passwords masked (for logs and the command line). */
    String describe();

    @Override
    void close();
}
