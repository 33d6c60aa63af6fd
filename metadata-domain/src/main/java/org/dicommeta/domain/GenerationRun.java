package org.dicommeta.domain;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The handle of a running generation. Thread-safe.
 */
public interface GenerationRun {

    /**
     * Asks the run to stop: no further instance is started, those in flight are finished or abandoned
     * without partial records, everything written so far is kept, and Completed fires with
     * {@code cancelled=true}. Idempotent; callable from a listener or any thread.
     */
    void cancel();

    boolean isCancelRequested();

    /** Blocks until the run completes and returns its result. Restores the interrupt flag if interrupted. */
    GenerationResult await();

    /** Waits at most {@code timeout}; empty when the run is still going. */
    Optional<GenerationResult> await(Duration timeout);

    /** Completes with the result when the run completes. */
    CompletionStage<GenerationResult> completion();
}
