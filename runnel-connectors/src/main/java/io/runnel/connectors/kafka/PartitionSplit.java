package io.runnel.connectors.kafka;

import io.runnel.api.connector.SourceSplit;

/**
 * One topic partition and the next offset to read. {@code stopOffset} is where a bounded read
 * ends (exclusive), or {@link Long#MAX_VALUE} for an unbounded one.
 */
public record PartitionSplit(String topic, int partition, long offset, long stopOffset) implements SourceSplit {
    @Override
    public String splitId() {
        return topic + "-" + partition;
    }
}
