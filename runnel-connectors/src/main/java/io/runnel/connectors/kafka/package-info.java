/**
 * Kafka-protocol source and sink, against Runnel's own broker or an Apache Kafka cluster: the
 * source reads partitions as splits with offsets as positions and per-partition watermarks from
 * record timestamps; the sink writes at-least-once with an idempotent producer, or exactly-once
 * with one transaction per checkpoint and subtask, committed from any process by resuming the
 * transaction's producer id and epoch ({@link io.runnel.connectors.kafka.ProducerInternals}).
 */
package io.runnel.connectors.kafka;
