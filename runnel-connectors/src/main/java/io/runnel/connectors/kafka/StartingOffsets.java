package io.runnel.connectors.kafka;

/**
 * Where a partition without a recorded position starts: its first offset, its end, the group's
 * committed offset (else the first), the first record at or after a timestamp (else the end), or
 * an offset given per partition (else the first). The last two take their timestamp or offsets
 * from {@link KafkaSource.Builder#startingOffsetsAt} and {@link KafkaSource.Builder#startingOffsets(java.util.Map)}.
 */
public enum StartingOffsets {
    EARLIEST, LATEST, COMMITTED_OR_EARLIEST, TIMESTAMP, SPECIFIC_OFFSETS
}
