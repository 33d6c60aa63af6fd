package org.dicommeta.domain;

/**
 * Receives a run's events. Called on one thread at a time, in order; a handler that blocks holds the
 * run's writes back, so keep handlers quick. A handler that throws does not stop the run: the
 * exception is logged and the run goes on. Cancel with {@code event.run().cancel()}.
 */
@FunctionalInterface
public interface GenerationListener {

    /** Ignores every event. */
    GenerationListener NONE = event -> { };

    void onEvent(GenerationEvent event);
}
