package org.dicommeta.domain;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a bulk generation run.
 *
 * @param total     instances selected when the run started
 * @param processed instances visited (written + skipped + failed), at most {@code total}
 * @param written   records written (an instance visited for two formats may write two)
 * @param skipped   instances visited but not written: deleted during the run, or, in a MISSING run,
 *                  given a record by someone else meanwhile
 * @param failed    instances that failed (source missing, unreadable, invalid DICOM)
 * @param failures  their reasons, the first {@link GenerationOptions#maxFailuresKept()} of them
 * @param cancelled whether the run stopped because it was cancelled
 * @param storeFailure present when the run ended because the store itself failed
 * @param elapsed   wall time from start to completion
 */
public record GenerationResult(long total, long processed, long written, long skipped, long failed,
        List<InstanceFailure> failures, boolean cancelled, Optional<String> storeFailure, Duration elapsed) {

    public GenerationResult {
        failures = List.copyOf(failures);
        storeFailure = storeFailure == null ? Optional.empty() : storeFailure;
    }

    /** True when every selected instance was processed without failure, cancel or store failure. */
    public boolean isComplete() {
        return !cancelled && storeFailure.isEmpty() && failed == 0 && processed == total;
    }

    /** Instances per second over the elapsed time. */
    public double throughput() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : processed / s;
    }
}
