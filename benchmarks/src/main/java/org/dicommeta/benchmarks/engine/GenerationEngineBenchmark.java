package org.dicommeta.benchmarks.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dicommeta.core.MetadataAgents;
import org.dicommeta.domain.GenerationListener;
import org.dicommeta.domain.GenerationOptions;
import org.dicommeta.domain.GenerationResult;
import org.dicommeta.domain.JsonOptions;
import org.dicommeta.domain.MetadataAgent;
import org.dicommeta.domain.MetadataOptions;
import org.dicommeta.domain.MetadataScope;
import org.dicommeta.domain.StoreOptions;
import org.dicommeta.domain.XmlOptions;
import org.dicommeta.tck.data.SyntheticStudies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of a whole generation run, in instances per second: {@value #INSTANCES} synthetic CT/MR
 * instances (Part 10 files, 64x64 pixel data, nested sequences, two character sets) indexed in a file
 * store, and one benchmark invocation = one {@code generate(ALL)} run over all of them, which replaces
 * every record (REPLACE writes), so every invocation does the same work.
 *
 * <p>Run (from the repository root):
 * <pre>
 * mvn -B -q -DskipTests package -pl benchmarks -am
 * java -jar benchmarks/target/benchmarks.jar GenerationEngineBenchmark -f 1 -wi 2 -i 5
 * </pre>
 * Parameters: {@code -p fsync=true} to pay for durable writes (one fsync per record file and per
 * directory, so the disk's sync latency then dominates), {@code -p workers=N}, {@code -p batchSize=N}.
 * Defaults: fsync off (the engine, not the disk, under test), workers = 2, batch size 200.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 5, time = 10)
public class GenerationEngineBenchmark {

    /** Instances in the store; one invocation visits them all. A constant, as JMH needs it for ops/invocation. */
    public static final int INSTANCES = 2_000;

    private static final int STUDIES = 10;

    @Param({"false"})
    public boolean fsync;

    @Param({"2"})
    public int workers;

    @Param({"" + GenerationOptions.DEFAULT_BATCH_SIZE})
    public int batchSize;

    private Path work;
    private MetadataAgent agent;
    private GenerationOptions json;
    private GenerationOptions both;

    @Setup(Level.Trial)
    public void createStore() throws IOException {
        work = Files.createTempDirectory("dicommeta-engine-bench-");
        Path sources = work.resolve("sources");
        int perStudy = INSTANCES / STUDIES;
        for (int s = 0; s < STUDIES; s++) {
            SyntheticStudies.writeStudy(sources.resolve("study-" + s), 5000L + s, perStudy * 3 / 5,
                    perStudy - perStudy * 3 / 5);
        }
        agent = MetadataAgents.open("file:" + work.resolve("store").toAbsolutePath() + "?dicommeta.fsync=" + fsync);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            agent.store(f, StoreOptions.indexOnly());
        }
        long indexed = agent.json().count(MetadataScope.ALL);
        if (indexed != INSTANCES) {
            throw new IllegalStateException("expected " + INSTANCES + " instances in the store, found " + indexed);
        }
        json = GenerationOptions.of(MetadataOptions.json(JsonOptions.defaults())).withWorkers(workers)
                .withBatchSize(batchSize);
        both = GenerationOptions.of(MetadataOptions.both(JsonOptions.defaults(), XmlOptions.defaults()))
                .withWorkers(workers).withBatchSize(batchSize);
    }

    @TearDown(Level.Trial)
    public void deleteStore() throws IOException {
        if (agent != null) {
            agent.close();
        }
        try (Stream<Path> walk = Files.walk(work)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** One run generating the JSON record (default flags) of every instance. */
    @Benchmark
    @OperationsPerInvocation(INSTANCES)
    public GenerationResult generateAllJson() {
        return checked(agent.generateAndWait(json, MetadataScope.ALL, GenerationListener.NONE));
    }

    /** One run generating both records (default flags) of every instance. */
    @Benchmark
    @OperationsPerInvocation(INSTANCES)
    public GenerationResult generateAllJsonAndXml() {
        return checked(agent.generateAndWait(both, MetadataScope.ALL, GenerationListener.NONE));
    }

    /** A run that did not visit every instance without failure measured something else: stop. */
    private static GenerationResult checked(GenerationResult r) {
        if (!r.isComplete() || r.processed() != INSTANCES) {
            throw new IllegalStateException("incomplete run: " + r);
        }
        return r;
    }
}
