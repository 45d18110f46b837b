/**
 * Kafka-protocol source and sink, against Runnel's own broker or an Apache Kafka cluster: the
 * source reads partitions as splits with offsets as positions and per-partition watermarks from
 * record timestamps; the sink writes with an idempotent producer (at-least-once; the
 * transactional exactly-once mode comes with checkpoints).
 */
package io.runnel.connectors.kafka;
