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
