package org.dicommeta.domain;

import java.util.Optional;

/**
 * Progress of a generation run. Delivered in order, one at a time, on one thread: {@link Starting}
 * once, an {@link Update} after each instance, {@link Completed} exactly once, always (also after a
 * cancel and after a failure of the store). Every event carries the {@link GenerationRun} so a handler
 * can cancel.
 */
public sealed interface GenerationEvent permits GenerationEvent.Starting, GenerationEvent.Update,
        GenerationEvent.Completed {

    GenerationRun run();

    /** The selection is fixed: {@code total} instances will be visited. */
    record Starting(GenerationRun run, long total) implements GenerationEvent {
    }

    /**
     * One instance was processed.
     *
     * @param sopInstanceUid the instance just processed
     * @param failure        present when that instance failed
     */
    record Update(GenerationRun run, long processed, long total, long written, long skipped, long failed,
            String sopInstanceUid, Optional<InstanceFailure> failure) implements GenerationEvent {
    }

    /** The run ended; no further event follows. */
    record Completed(GenerationRun run, GenerationResult result) implements GenerationEvent {
    }
}
