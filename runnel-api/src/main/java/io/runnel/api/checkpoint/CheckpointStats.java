package io.runnel.api.checkpoint;

/**
 * One checkpoint or savepoint as the job client reports it. Sizes are bytes written for it:
 * {@code fullBytes} is the state it covers, {@code incrementalBytes} what this one wrote new.
 */
public record CheckpointStats(long id, Status status, boolean savepoint, long triggerTimeMillis, long durationMillis,
                              long alignmentMillis, long fullBytes, long incrementalBytes, String path, String failure) {

    public enum Status { IN_PROGRESS, COMPLETED, ABORTED }

    @Override
    public String toString() {
        return (savepoint ? "savepoint " : "checkpoint ") + id + " " + status + " in " + durationMillis + " ms"
                + ", alignment " + alignmentMillis + " ms, " + fullBytes + " B (" + incrementalBytes + " B new)"
                + (failure == null ? "" : ": " + failure);
    }
}
