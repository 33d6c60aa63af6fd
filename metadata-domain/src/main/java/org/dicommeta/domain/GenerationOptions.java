package org.dicommeta.domain;

import java.util.Objects;

/**
 * How a bulk generation run renders and how hard it works.
 *
 * @param render       the formats to generate and their flags
 * @param workers      threads that load and render instances in parallel; default: available processors
 * @param batchSize    records written to the store per batch (each batch one store call)
 * @param maxFailuresKept how many per-instance failures the result and events keep with their reasons;
 *                     further failures are still counted ({@link GenerationResult#failed()})
 */
public record GenerationOptions(MetadataOptions render, int workers, int batchSize, int maxFailuresKept) {

    public static final int DEFAULT_BATCH_SIZE = 200;
    public static final int DEFAULT_MAX_FAILURES_KEPT = 10_000;

    public GenerationOptions {
        Objects.requireNonNull(render, "render");
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        if (maxFailuresKept < 0) {
            throw new IllegalArgumentException("maxFailuresKept must not be negative");
        }
    }

    /** These formats, one worker per available processor, default batch size. */
    public static GenerationOptions of(MetadataOptions render) {
        return new GenerationOptions(render, Runtime.getRuntime().availableProcessors(), DEFAULT_BATCH_SIZE,
                DEFAULT_MAX_FAILURES_KEPT);
    }

    public GenerationOptions withWorkers(int n) {
        return new GenerationOptions(render, n, batchSize, maxFailuresKept);
    }

    public GenerationOptions withBatchSize(int n) {
        return new GenerationOptions(render, workers, n, maxFailuresKept);
    }
}
