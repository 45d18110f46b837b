package io.runnel.api.checkpoint;

/**
 * One checkpoint or savepoint as the job client reports it. Sizes are bytes written for it:
 * {@code fullBytes} is the state it covers, {@code incrementalBytes} what this one wrote new.
 */
public record CheckpointStats(long id, Status status, boolean savepoint, long triggerTimeMillis, long durationMillis,
                              long alignmentMillis, long fullBytes, long incrementalBytes, String path, String failure) {

    /**
     * IN_PROGRESS: triggered, not all tasks acknowledged yet. COMPLETED: its metadata is written.
     * FAILED: it could not complete (timed out, a task declined, its metadata could not be written);
     * {@code failure} says why, and it counts against the tolerable failures. ABORTED: given up for
     * a reason that is no fault of the checkpoint (a newer one completed, the job failed or ended).
     */
    public enum Status { IN_PROGRESS, COMPLETED, FAILED, ABORTED }

    @Override
    public String toString() {
        return (savepoint ? "savepoint " : "checkpoint ") + id + " " + status + " in " + durationMillis + " ms"
                + ", alignment " + alignmentMillis + " ms, " + fullBytes + " B (" + incrementalBytes + " B new)"
                + (failure == null ? "" : ": " + failure);
    }
}
