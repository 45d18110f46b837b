/**
 * Structured Streaming's output side on the SQL planner: a query's result written in an output mode (append, update,
 * complete) at a trigger (continuous, processing-time micro-batches, available-now, once) to a sink (console,
 * memory table, foreachBatch), watched through a {@link io.runnel.sql.stream.StreamingQuery}. {@link
 * io.runnel.sql.StreamWriter} (Spark's writeStream) puts these together over a SQL environment; nothing here depends
 * on the environment, so the planner's own sinks use them too.
 */
package io.runnel.sql.stream;
