package io.runnel.sql.stream;

/**
 * One trigger's progress, as Spark's {@code StreamingQueryProgress} reports the main figures: which batch, when it
 * ended, the rows the sources read since the previous trigger, the rate they came in at (over the time between
 * triggers) and the rate they were processed at (the same, or the batch's own writing time when that was longer),
 * how long the batch took to write, and the rows written.
 */
public record QueryProgress(long batchId, long timestampMillis, long numInputRows, double inputRowsPerSecond,
                            double processedRowsPerSecond, long durationMillis, long numOutputRows) {}
