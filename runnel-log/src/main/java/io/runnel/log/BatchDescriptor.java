package io.runnel.log;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Layout of a Kafka magic-v2 record batch header, as stored in {@code .log} files. All integers are
 * big-endian.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                     baseOffset (int64)                        |  0
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                     batchLength (int32)                       |  8  bytes after this field
 *  +---------------------------------------------------------------+
 *  |                 partitionLeaderEpoch (int32)                  | 12
 *  +---------------+-----------------------------------------------+
 *  |  magic (=2)   |               crc (uint32, CRC-32C) ...       | 16, 17
 *  +---------------+---------------+-------------------------------+
 *  |  ... crc      |  attributes (int16)           | lastOffsetDelta 21, 23
 *  +---------------------------------------------------------------+
 *  |  ... (int32)  |  baseTimestamp (int64) ...                    | 27
 *  |  maxTimestamp (int64)                                         | 35
 *  |  producerId (int64)                                           | 43
 *  |  producerEpoch (int16)  |  baseSequence (int32)               | 51, 53
 *  |  recordCount (int32)                                          | 57
 *  +---------------------------------------------------------------+
 *  |  records ... (possibly compressed)                            | 61
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <p>The CRC covers bytes from {@code attributes} to the end of the batch. It excludes
 * {@code baseOffset}, {@code batchLength}, {@code partitionLeaderEpoch} and {@code magic}, so the
 * log may rewrite {@code baseOffset} and {@code partitionLeaderEpoch} on append without recomputing the CRC
 * ({@code BatchHeaderCrcTest} in runnel-broker checks this against kafka-clients).
 */
public final class BatchDescriptor {
    public static final int BASE_OFFSET_OFFSET = 0;
    public static final int LENGTH_OFFSET = 8;
    public static final int PARTITION_LEADER_EPOCH_OFFSET = 12;
    public static final int MAGIC_OFFSET = 16;
    public static final int CRC_OFFSET = 17;
    public static final int ATTRIBUTES_OFFSET = 21;
    public static final int LAST_OFFSET_DELTA_OFFSET = 23;
    public static final int BASE_TIMESTAMP_OFFSET = 27;
    public static final int MAX_TIMESTAMP_OFFSET = 35;
    public static final int PRODUCER_ID_OFFSET = 43;
    public static final int PRODUCER_EPOCH_OFFSET = 51;
    public static final int BASE_SEQUENCE_OFFSET = 53;
    public static final int RECORD_COUNT_OFFSET = 57;
    public static final int HEADER_SIZE = 61;
    /** baseOffset plus batchLength: the bytes not counted in batchLength. */
    public static final int LOG_OVERHEAD = 12;
    public static final byte MAGIC_V2 = 2;

    private BatchDescriptor() {
    }

    /** Total bytes of the batch starting at {@code pos}, from its length field. */
    public static int totalSize(ByteBuffer buf, int pos) {
        return LOG_OVERHEAD + buf.getInt(pos + LENGTH_OFFSET);
    }

    public static long baseOffset(ByteBuffer buf, int pos) {
        return buf.getLong(pos + BASE_OFFSET_OFFSET);
    }

    public static long lastOffset(ByteBuffer buf, int pos) {
        return baseOffset(buf, pos) + buf.getInt(pos + LAST_OFFSET_DELTA_OFFSET);
    }

    public static long maxTimestamp(ByteBuffer buf, int pos) {
        return buf.getLong(pos + MAX_TIMESTAMP_OFFSET);
    }

    public static short attributes(ByteBuffer buf, int pos) {
        return buf.getShort(pos + ATTRIBUTES_OFFSET);
    }

    /** Attributes bit 4: the batch belongs to a transaction. */
    public static boolean isTransactional(ByteBuffer buf, int pos) {
        return (attributes(buf, pos) & 0x10) != 0;
    }

    /** Attributes bit 5: a control batch (transaction marker), written by the broker. */
    public static boolean isControl(ByteBuffer buf, int pos) {
        return (attributes(buf, pos) & 0x20) != 0;
    }

    public static long producerId(ByteBuffer buf, int pos) {
        return buf.getLong(pos + PRODUCER_ID_OFFSET);
    }

    public static short producerEpoch(ByteBuffer buf, int pos) {
        return buf.getShort(pos + PRODUCER_EPOCH_OFFSET);
    }

    public static int baseSequence(ByteBuffer buf, int pos) {
        return buf.getInt(pos + BASE_SEQUENCE_OFFSET);
    }

    /**
     * Checks the batch at {@code pos} of {@code buf} (framing, magic, CRC) and returns its total
     * size, or throws {@link InvalidBatchException} saying what is wrong. {@code where} names the
     * batch in the message (a file and position, or a request).
     */
    public static int validate(ByteBuffer buf, int pos, String where) {
        int remaining = buf.limit() - pos;
        if (remaining < HEADER_SIZE) {
            throw new InvalidBatchException(where + ": " + remaining + " bytes left, less than a batch header ("
                    + HEADER_SIZE + ")");
        }
        int length = buf.getInt(pos + LENGTH_OFFSET);
        if (length < HEADER_SIZE - LOG_OVERHEAD) {
            throw new InvalidBatchException(where + ": batch length " + length + " is smaller than a header");
        }
        if (length > remaining - LOG_OVERHEAD) {
            throw new InvalidBatchException(where + ": batch length " + length + " runs past the end ("
                    + (remaining - LOG_OVERHEAD) + " bytes available)");
        }
        byte magic = buf.get(pos + MAGIC_OFFSET);
        if (magic != MAGIC_V2) {
            throw new InvalidBatchException(where + ": magic " + magic + ", only magic 2 is supported");
        }
        if (buf.getInt(pos + LAST_OFFSET_DELTA_OFFSET) < 0) {
            throw new InvalidBatchException(where + ": negative lastOffsetDelta");
        }
        long stored = Integer.toUnsignedLong(buf.getInt(pos + CRC_OFFSET));
        long computed = crc(buf, pos + ATTRIBUTES_OFFSET, pos + LOG_OVERHEAD + length);
        if (stored != computed) {
            throw new InvalidBatchException(where + ": CRC mismatch (stored " + Long.toHexString(stored)
                    + ", computed " + Long.toHexString(computed) + ")");
        }
        return LOG_OVERHEAD + length;
    }

    private static long crc(ByteBuffer buf, int from, int to) {
        CRC32C crc = new CRC32C();
        ByteBuffer view = buf.duplicate();
        view.limit(to).position(from);
        crc.update(view);
        return crc.getValue();
    }
}
