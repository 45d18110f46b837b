/**
 * The durable partitioned log: topics of partitions, each partition a directory of segment files
 * ({@code .log} plus sparse {@code .index} and {@code .timeindex}), with append, read, lookup by
 * timestamp, rolling, retention, fsync policies and crash recovery.
 *
 * <p>The log stores Kafka magic-v2 record batches as opaque bytes: it knows only the batch header
 * ({@link io.runnel.log.BatchDescriptor}) so it can assign offsets, check CRCs and recover. It has
 * no network code and no dependency on kafka-clients. {@link io.runnel.log.LogManager} is the entry
 * point; {@link io.runnel.log.PartitionLog} is one partition.
 */
package io.runnel.log;
