package org.dicommeta.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.dicommeta.codec.DataSet;
import org.dicommeta.codec.io.Part10Reader;
import org.dicommeta.codec.io.ReadOptions;
import org.dicommeta.core.MetadataAgents;
import org.dicommeta.domain.GenerationOptions;
import org.dicommeta.domain.GenerationResult;
import org.dicommeta.domain.JsonFlag;
import org.dicommeta.domain.JsonOptions;
import org.dicommeta.domain.MetadataAgent;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.MetadataOptions;
import org.dicommeta.domain.MetadataScope;
import org.dicommeta.domain.RenderOptions;
import org.dicommeta.domain.StoreOptions;
import org.dicommeta.domain.XmlFlag;
import org.dicommeta.domain.XmlOptions;
import org.dicommeta.ports.MetadataStore;
import org.dicommeta.tck.data.SyntheticStudies;

/**
 * One test's fixture: the store under test, the agent over it ({@code MetadataAgents.of(store)}), a
 * temporary directory for source files, and the helpers the kit's tests share. Adapters may use it
 * in tests of their own through {@link StoreUnderTest#kit()}.
 */
public final class Kit implements AutoCloseable {

    /** How long any generation run of the kit may take before the test fails instead of hanging. */
    public static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);

    private final MetadataStore store;
    private final MetadataAgent agent;
    private final Path dir;

    private Kit(MetadataStore store, MetadataAgent agent, Path dir) {
        this.store = store;
        this.agent = agent;
        this.dir = dir;
    }

    static Kit open(MetadataStore store) {
        Objects.requireNonNull(store, "openEmptyStore() returned null");
        Path dir;
        try {
            dir = Files.createTempDirectory("dicommeta-kit-");
        } catch (IOException e) {
            store.close();
            throw new UncheckedIOException("Cannot create the kit's temporary directory", e);
        }
        return new Kit(store, MetadataAgents.of(store), dir);
    }

    /** The store under test, for checks at the port. */
    public MetadataStore store() {
        return store;
    }

    /** The agent over the store under test. */
    public MetadataAgent agent() {
        return agent;
    }

    /** A temporary directory for this test's files, deleted after the test. */
    public Path dir() {
        return dir;
    }

    // ------------------------------------------------------------------ data

    /** Writes a synthetic study of {@code ct} CT and {@code mr} MR instances as Part 10 files. */
    public List<Path> writeStudy(long seed, int ct, int mr) {
        return SyntheticStudies.writeStudy(dir.resolve("study-" + seed), seed, ct, mr);
    }

    /** Indexes these files (no metadata) and returns their SOP Instance UIDs in order. */
    public List<String> importFiles(List<Path> files) {
        List<String> uids = new ArrayList<>(files.size());
        for (Path f : files) {
            uids.add(agent.store(f, StoreOptions.indexOnly()).sopInstanceUid());
        }
        return uids;
    }

    /**
     * Writes and indexes a study of {@code instances} instances (two thirds CT, the rest MR), without
     * metadata; returns their SOP Instance UIDs in the study's order.
     */
    public List<String> importStudy(long seed, int instances) {
        int mr = instances / 3;
        return importFiles(writeStudy(seed, instances - mr, mr));
    }

    /** The data set of a Part 10 file, fully read. */
    public DataSet read(Path file) {
        return Part10Reader.read(file, ReadOptions.full()).dataSet();
    }

    /** The source file of an indexed instance (the kit only stores instances from files). */
    public Path sourceOf(String sopInstanceUid) {
        String source = agent.instance(sopInstanceUid).orElseThrow().source();
        return source.startsWith("file:") ? Path.of(java.net.URI.create(source)) : Path.of(source);
    }

    // ------------------------------------------------------------------ counts

    /** The three counts of one format, read at a quiet moment. */
    public record Counts(long all, long existing, long missing) {
    }

    /** Reads the counts of {@code format} through the agent and checks ALL = EXISTING + MISSING, MISSING ≥ 0. */
    public Counts counts(MetadataFormat format) {
        var records = agent.records(format);
        Counts c = new Counts(records.count(MetadataScope.ALL), records.count(MetadataScope.EXISTING),
                records.count(MetadataScope.MISSING));
        assertThat(c.missing()).as("count(%s, MISSING) must not be negative", format).isNotNegative();
        assertThat(c.all()).as("count(%s, ALL) must equal EXISTING + MISSING, counts %s", format, c)
                .isEqualTo(c.existing() + c.missing());
        return c;
    }

    /** Asserts the counts of {@code format} (and with them the invariant). */
    public void assertCounts(MetadataFormat format, long all, long existing) {
        assertThat(counts(format)).as("counts of %s", format).isEqualTo(new Counts(all, existing, all - existing));
    }

    // ------------------------------------------------------------------ options

    /** The stored-metadata default options of a format. */
    public static RenderOptions defaults(MetadataFormat format) {
        return format == MetadataFormat.JSON ? JsonOptions.defaults() : XmlOptions.defaults();
    }

    /**
     * Options of a format that render differently from {@link #defaults}: JSON indented with keywords and
     * binary inline; XML with binary inline and full end elements.
     */
    public static RenderOptions alternative(MetadataFormat format) {
        return format == MetadataFormat.JSON ? JsonOptions.of(JsonFlag.WRITE_KEYWORD, JsonFlag.INLINE_BINARY)
                : XmlOptions.of(XmlFlag.INLINE_BINARY, XmlFlag.WRITE_FULL_END_ELEMENT);
    }

    /** Generation options for one format: two workers, small batches so runs span several batches. */
    public static GenerationOptions generation(RenderOptions options) {
        return generation(MetadataOptions.single(options));
    }

    /** Generation options for these formats: two workers, batches of 7. */
    public static GenerationOptions generation(MetadataOptions options) {
        return GenerationOptions.of(options).withWorkers(2).withBatchSize(7);
    }

    /** Runs a generation to its end (failing the test after {@link #RUN_TIMEOUT}) and returns its result. */
    public GenerationResult generate(GenerationOptions options, MetadataScope scope, EventRecorder recorder) {
        var run = agent.generate(options, scope, recorder);
        return run.await(RUN_TIMEOUT).orElseThrow(() -> {
            run.cancel();
            return new AssertionError("generation run (" + scope + ") did not complete within " + RUN_TIMEOUT);
        });
    }

    /** {@link #generate(GenerationOptions, MetadataScope, EventRecorder)} with a fresh recorder. */
    public GenerationResult generate(GenerationOptions options, MetadataScope scope) {
        return generate(options, scope, new EventRecorder());
    }

    // ------------------------------------------------------------------ bytes

    /** Lower-case hex SHA-256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /** The record of {@code format} as UTF-8 text; fails the test when there is none. */
    public String text(MetadataFormat format, String sopInstanceUid) {
        return new String(agent.records(format).get(sopInstanceUid)
                .orElseThrow(() -> new AssertionError("no " + format + " record for " + sopInstanceUid)),
                StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        try {
            agent.close();
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            store.close();
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        deleteRecursively(dir);
        if (failure != null) {
            throw failure;
        }
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the kit's temporary directory " + root, e);
        }
    }
}
