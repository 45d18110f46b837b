package io.runnel.broker.txn;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Key and value of a record in {@code __transaction_state}; the latest record per key wins.
 * Strings are an int16 byte length and UTF-8 bytes.
 *
 * <pre>
 * key:   +-----------------+-------------------------+
 *        | version int16=0 | transactionalId (string)|
 *        +-----------------+-------------------------+
 * value: +-----------------+------------------+-------------------+------------------+-------------+
 *        | version int16=0 | producerId int64 | producerEpoch i16 | timeoutMs int32  | state int8  |
 *        +-----------------+------------------+-------------------+------------------+-------------+
 *        | partition count int32 | count x ( topic (string) | partition int32 )                    |
 *        +-----------------------+-----------------------------------------------------------------+
 * </pre>
 */
final class TxnRecordDescriptor {
    static final short VERSION = 0;

    private TxnRecordDescriptor() {
    }

    static byte[] key(String transactionalId) {
        byte[] id = transactionalId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + id.length).putShort(VERSION).putShort((short) id.length).put(id).array();
    }

    static String readKey(ByteBuffer b) {
        check(b.getShort());
        return string(b);
    }

    static byte[] value(TxnMetadata m) {
        List<byte[]> topics = new ArrayList<>();
        int size = 2 + 8 + 2 + 4 + 1 + 4;
        for (TxnMetadata.Tp tp : m.partitions) {
            byte[] t = tp.topic().getBytes(StandardCharsets.UTF_8);
            topics.add(t);
            size += 2 + t.length + 4;
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        b.putShort(VERSION).putLong(m.producerId).putShort(m.epoch).putInt(m.timeoutMs).put((byte) m.state.ordinal());
        b.putInt(m.partitions.size());
        int i = 0;
        for (TxnMetadata.Tp tp : m.partitions) {
            byte[] t = topics.get(i++);
            b.putShort((short) t.length).put(t).putInt(tp.partition());
        }
        return b.array();
    }

    static TxnMetadata readValue(String transactionalId, ByteBuffer b) {
        check(b.getShort());
        TxnMetadata m = new TxnMetadata(transactionalId, b.getLong(), b.getShort(), b.getInt());
        m.state = TxnState.values()[b.get()];
        int n = b.getInt();
        for (int i = 0; i < n; i++) {
            m.partitions.add(new TxnMetadata.Tp(string(b), b.getInt()));
        }
        return m;
    }

    private static void check(short version) {
        if (version != VERSION) {
            throw new IllegalStateException("unknown transaction record version " + version);
        }
    }

    private static String string(ByteBuffer b) {
        byte[] s = new byte[b.getShort()];
        b.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }
}
