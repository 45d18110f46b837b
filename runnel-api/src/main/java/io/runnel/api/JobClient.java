package io.runnel.api;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A handle on a running job. */
public interface JobClient {
    String jobName();

    JobStatus status();

    /** Stops the job; the result future then completes exceptionally with a cancellation. */
    void cancel();

    /** Completes with the result, or exceptionally with the failure that ended the job. */
    CompletableFuture<JobResult> result();

    /** Records each source has emitted so far, by source name, while the job runs (a restart counts afresh). */
    default java.util.Map<String, Long> sourceRecords() {
        return java.util.Map.of();
    }

    /** Checkpoints and savepoints so far, oldest first (a bounded recent history). */
    default java.util.List<io.runnel.api.checkpoint.CheckpointStats> checkpoints() {
        return java.util.List.of();
    }

    /**
     * Takes a savepoint into a new directory under {@code directory}; completes with its path.
     * Savepoints are kept until deleted and can be restored with another parallelism.
     */
    default CompletableFuture<String> triggerSavepoint(String directory) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("savepoints are not supported by this executor"));
    }

    /** How many times the job restarted after a failure. */
    default int restarts() {
        return 0;
    }

    /** Per restart: milliseconds from the failure to the first record read again (when known). */
    default java.util.List<Long> recoveryMillis() {
        return java.util.List.of();
    }

    /** Waits for the job to end; rethrows its failure. */
    default JobResult await(Duration timeout) throws Exception {
        try {
            return result().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Exception cause) throw cause;
            throw e;
        }
    }
}
