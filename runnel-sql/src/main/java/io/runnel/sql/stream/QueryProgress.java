package io.runnel.sql.stream;

/**
 * One trigger's progress, as Spark's {@code StreamingQueryProgress} reports the main figures: which batch, when it
 * ended, the rows read from the sources since the previous trigger, the rates of reading them in (over the time
 * between triggers) and of processing them (over the time the batch took to reach the sink), and the rows written.
 */
public record QueryProgress(long batchId, long timestampMillis, long numInputRows, double inputRowsPerSecond,
                            double processedRowsPerSecond, long durationMillis, long numOutputRows) {}
