package io.runnel.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.log.BatchDescriptor;
import java.nio.ByteBuffer;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.junit.jupiter.api.Test;

/**
 * Checks the fact the log relies on: the v2 batch CRC does not cover baseOffset (nor length,
 * partitionLeaderEpoch, magic), so rewriting baseOffset keeps a batch valid; and that the log's
 * own header layout agrees with kafka-clients.
 */
class BatchHeaderCrcTest {
    private static MemoryRecords batch() {
        return MemoryRecords.withRecords(Compression.gzip().build(), new SimpleRecord(1234L, "k".getBytes(),
                "v".getBytes()), new SimpleRecord(1240L, null, "w".getBytes()));
    }

    @Test
    void rewritingBaseOffsetAndLeaderEpochKeepsTheCrcValid() {
        MemoryRecords records = batch();
        ByteBuffer buf = records.buffer();
        buf.putLong(BatchDescriptor.BASE_OFFSET_OFFSET, 987_654_321L);
        buf.putInt(BatchDescriptor.PARTITION_LEADER_EPOCH_OFFSET, 42);
        MutableRecordBatch b = MemoryRecords.readableRecords(buf).batches().iterator().next();
        assertThat(b.isValid()).isTrue();
        assertThat(b.baseOffset()).isEqualTo(987_654_321L);
        assertThat(b.lastOffset()).isEqualTo(987_654_322L);
        assertThat(BatchDescriptor.validate(buf, 0, "test")).isEqualTo(b.sizeInBytes());
        assertThat(BatchDescriptor.lastOffset(buf, 0)).isEqualTo(b.lastOffset());
        assertThat(BatchDescriptor.maxTimestamp(buf, 0)).isEqualTo(b.maxTimestamp()).isEqualTo(1240L);
    }

    @Test
    void changingAnyCoveredByteBreaksBothChecks() {
        ByteBuffer buf = batch().buffer();
        buf.put(BatchDescriptor.MAX_TIMESTAMP_OFFSET, (byte) (buf.get(BatchDescriptor.MAX_TIMESTAMP_OFFSET) ^ 1));
        MutableRecordBatch b = MemoryRecords.readableRecords(buf).batches().iterator().next();
        assertThat(b.isValid()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BatchDescriptor.validate(buf, 0, "test"))
                .hasMessageContaining("CRC mismatch");
    }
}
