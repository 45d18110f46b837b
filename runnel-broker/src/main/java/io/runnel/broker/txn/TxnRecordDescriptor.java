package io.runnel.broker.txn;

import io.runnel.broker.group.CommittedOffset;
import io.runnel.broker.group.OffsetStore;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

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
 *        | group count int32 | per group: group (string), entry count int32, per entry:            |
 *        |   topic (string) | partition int32 | offset int64 | leaderEpoch int32 |                  |
 *        |   metadata (string, length -1 = null) | commitTimestamp int64                            |
 *        +-------------------------------------------------------------------------------------------+
 * </pre>
 *
 * <p>The offsets a transaction committed travel in its PREPARE_COMMIT record, so a commit
 * completed after a crash still applies them.
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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeShort(VERSION);
            out.writeLong(m.producerId);
            out.writeShort(m.epoch);
            out.writeInt(m.timeoutMs);
            out.writeByte(m.state.ordinal());
            out.writeInt(m.partitions.size());
            for (TxnMetadata.Tp tp : m.partitionsCopy()) {
                writeString(out, tp.topic());
                out.writeInt(tp.partition());
            }
            out.writeInt(m.offsets.size());
            for (var g : m.offsets.entrySet()) {
                writeString(out, g.getKey());
                out.writeInt(g.getValue().size());
                for (var e : g.getValue().entrySet()) {
                    writeString(out, e.getKey().topic());
                    out.writeInt(e.getKey().partition());
                    out.writeLong(e.getValue().offset());
                    out.writeInt(e.getValue().leaderEpoch());
                    writeString(out, e.getValue().metadata());
                    out.writeLong(e.getValue().commitTimestamp());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen with a byte array
        }
        return bytes.toByteArray();
    }

    static TxnMetadata readValue(String transactionalId, ByteBuffer b) {
        check(b.getShort());
        TxnMetadata m = new TxnMetadata(transactionalId, b.getLong(), b.getShort(), b.getInt());
        m.state = TxnState.values()[b.get()];
        int n = b.getInt();
        for (int i = 0; i < n; i++) {
            m.partitions.add(new TxnMetadata.Tp(string(b), b.getInt()));
        }
        int groups = b.getInt();
        for (int g = 0; g < groups; g++) {
            String group = string(b);
            int count = b.getInt();
            Map<OffsetStore.TopicPartitionKey, CommittedOffset> offsets = new HashMap<>();
            for (int i = 0; i < count; i++) {
                OffsetStore.TopicPartitionKey key = new OffsetStore.TopicPartitionKey(string(b), b.getInt());
                offsets.put(key, new CommittedOffset(b.getLong(), b.getInt(), string(b), b.getLong()));
            }
            m.offsets.put(group, offsets);
        }
        return m;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeShort(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeShort(bytes.length);
        out.write(bytes);
    }

    private static void check(short version) {
        if (version != VERSION) {
            throw new IllegalStateException("unknown transaction record version " + version);
        }
    }

    private static String string(ByteBuffer b) {
        short len = b.getShort();
        if (len < 0) {
            return null;
        }
        byte[] s = new byte[len];
        b.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }
}
