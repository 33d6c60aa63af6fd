package org.dicommeta.core;

import java.time.Duration;
import java.util.Arrays;

/**
 * The generation engine's internal sizing, fixed by core (users tune workers and batch size through
 * {@link org.dicommeta.domain.GenerationOptions}); tests shrink it to exercise paging and retries quickly.
 *
 * @param selectPageSize  instances asked of {@code store.select} per keyset page while snapshotting
 * @param queuePerWorker  capacity of the bounded work queue per worker
 * @param retryBackoff    waits before each retry of a batch that failed with BackendUnavailableException;
 *                        its length is the number of retries
 * @param linger          how long the coordinator waits for a batch to fill before writing what it has
 * @param closeWait       how long closing the agent waits for each cancelled run to end before it closes
 *                        the store under it (so close never hangs on a store call that does not return)
 */
record EngineSettings(int selectPageSize, int queuePerWorker, Duration[] retryBackoff, Duration linger,
        Duration closeWait) {

    static final EngineSettings DEFAULTS = new EngineSettings(1000, 4,
            new Duration[] {Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMillis(1600)},
            Duration.ofMillis(50), Duration.ofSeconds(60));

    EngineSettings {
        if (selectPageSize < 1 || queuePerWorker < 1) {
            throw new IllegalArgumentException("page size and queue capacity must be positive");
        }
        retryBackoff = retryBackoff.clone();
    }

    int queueCapacity(int workers) {
        return Math.max(2, workers * queuePerWorker);
    }

    /**
     * Capacity of the queue of rendered instances: at least a batch, so that while the coordinator waits
     * for a batch to commit the workers render the next one instead of blocking on a full queue (with only
     * {@code workers * queuePerWorker} places they stalled for most of each commit, and a store round trip
     * per batch was paid on top of the rendering instead of beside it).
     */
    int resultCapacity(int workers, int batchSize) {
        return Math.max(queueCapacity(workers), batchSize);
    }

    EngineSettings withSelectPageSize(int n) {
        return new EngineSettings(n, queuePerWorker, retryBackoff, linger, closeWait);
    }

    EngineSettings withRetryBackoff(Duration... waits) {
        return new EngineSettings(selectPageSize, queuePerWorker, waits, linger, closeWait);
    }

    EngineSettings withQueuePerWorker(int n) {
        return new EngineSettings(selectPageSize, n, retryBackoff, linger, closeWait);
    }

    EngineSettings withCloseWait(Duration wait) {
        return new EngineSettings(selectPageSize, queuePerWorker, retryBackoff, linger, wait);
    }

    @Override
    public Duration[] retryBackoff() {
        return retryBackoff.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EngineSettings e && e.selectPageSize == selectPageSize
                && e.queuePerWorker == queuePerWorker && Arrays.equals(e.retryBackoff, retryBackoff)
                && e.linger.equals(linger);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * selectPageSize + queuePerWorker) + Arrays.hashCode(retryBackoff) + linger.hashCode();
    }

    @Override
    public String toString() {
        return "EngineSettings[page=" + selectPageSize + ", queuePerWorker=" + queuePerWorker + ", retry="
                + Arrays.toString(retryBackoff) + ", linger=" + linger + "]";
    }
}
