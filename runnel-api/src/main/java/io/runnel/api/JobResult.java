package io.runnel.api;

import java.util.Map;

/**
 * What a finished job reports: its name, how long it ran, and record counts per operator
 * (records in to each sink, records out of each source).
 */
public record JobResult(String jobName, long durationMillis, long firstRecordNanos, long endNanos,
                        Map<String, Long> recordsOut, Map<String, Long> recordsIn) {

    /** Records emitted by all sources. */
    public long sourceRecords() {
        return recordsOut.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Records written to all sinks. */
    public long sinkRecords() {
        return recordsIn.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Seconds from the first record a source emitted to the end of the job. */
    public double processingSeconds() {
        return firstRecordNanos == 0 ? durationMillis / 1000.0 : (endNanos - firstRecordNanos) / 1e9;
    }
}
