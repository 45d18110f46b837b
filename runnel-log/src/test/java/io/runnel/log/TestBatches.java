package io.runnel.log;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/** Builds syntactically valid v2 batches with opaque payloads, without kafka-clients. */
final class TestBatches {
    private TestBatches() {
    }

    /** A batch of {@code records} records (payload bytes are filler) with the given max timestamp. */
    static ByteBuffer batch(int records, long maxTimestamp, int payloadBytes) {
        ByteBuffer b = ByteBuffer.allocate(BatchDescriptor.HEADER_SIZE + payloadBytes);
        b.putLong(0, -1L);
        b.putInt(BatchDescriptor.LENGTH_OFFSET, b.capacity() - BatchDescriptor.LOG_OVERHEAD);
        b.put(BatchDescriptor.MAGIC_OFFSET, BatchDescriptor.MAGIC_V2);
        b.putInt(BatchDescriptor.LAST_OFFSET_DELTA_OFFSET, records - 1);
        b.putLong(BatchDescriptor.BASE_TIMESTAMP_OFFSET, maxTimestamp);
        b.putLong(BatchDescriptor.MAX_TIMESTAMP_OFFSET, maxTimestamp);
        b.putLong(BatchDescriptor.PRODUCER_ID_OFFSET, -1L);
        b.putInt(BatchDescriptor.RECORD_COUNT_OFFSET, records);
        for (int i = BatchDescriptor.HEADER_SIZE; i < b.capacity(); i++) {
            b.put(i, (byte) (i * 31 + records));
        }
        CRC32C crc = new CRC32C();
        ByteBuffer view = b.duplicate().position(BatchDescriptor.ATTRIBUTES_OFFSET);
        crc.update(view);
        b.putInt(BatchDescriptor.CRC_OFFSET, (int) crc.getValue());
        return b;
    }

    static ByteBuffer batch(int records, long maxTimestamp) {
        return batch(records, maxTimestamp, 100);
    }
}
