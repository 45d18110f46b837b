/**
 * The Nexmark queries q0, q1, q2, q5, q7, q8 and the keyed running count on the DataStream API,
 * computing exactly what the Flink anchor's queries compute (QUERIES.md), row for row.
 * {@link io.runnel.bench.nexmark.NexmarkJob#runToFiles} writes the rows exactly once as JSON lines
 * through the connectors' {@link io.runnel.connectors.file.FileSink} with a
 * {@link io.runnel.bench.nexmark.JsonRowFormatter}.
 */
package io.runnel.bench.nexmark;
