package io.runnel.broker.group;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Key and value of a committed-offset record in {@code __consumer_offsets}. Strings are a
 * big-endian int16 byte length then UTF-8 bytes; a nullable string uses length -1 for null.
 * A record with a null value deletes the key.
 *
 * <pre>
 * key:    +----------------+------------------+------------------+-----------------+
 *         | version int16=0| group (string)   | topic (string)   | partition int32 |
 *         +----------------+------------------+------------------+-----------------+
 * value:  +----------------+-----------------+--------------------+---------------------+------------------+
 *         | version int16=0| offset int64    | leaderEpoch int32  | metadata (nullable) | commitTime int64 |
 *         +----------------+-----------------+--------------------+---------------------+------------------+
 * </pre>
 */
final class OffsetRecordDescriptor {
    static final short VERSION = 0;

    private OffsetRecordDescriptor() {
    }

    static byte[] key(OffsetKey k) {
        byte[] g = k.group().getBytes(StandardCharsets.UTF_8);
        byte[] t = k.topic().getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(2 + 2 + g.length + 2 + t.length + 4);
        b.putShort(VERSION);
        putString(b, g);
        putString(b, t);
        b.putInt(k.partition());
        return b.array();
    }

    static byte[] value(CommittedOffset c) {
        byte[] m = c.metadata() == null ? null : c.metadata().getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(2 + 8 + 4 + 2 + (m == null ? 0 : m.length) + 8);
        b.putShort(VERSION).putLong(c.offset()).putInt(c.leaderEpoch());
        putString(b, m);
        b.putLong(c.commitTimestamp());
        return b.array();
    }

    static OffsetKey readKey(ByteBuffer b) {
        checkVersion(b.getShort(), "key");
        return new OffsetKey(getString(b), getString(b), b.getInt());
    }

    static CommittedOffset readValue(ByteBuffer b) {
        checkVersion(b.getShort(), "value");
        long offset = b.getLong();
        int epoch = b.getInt();
        String metadata = getString(b);
        return new CommittedOffset(offset, epoch, metadata, b.getLong());
    }

    private static void checkVersion(short v, String what) {
        if (v != VERSION) {
            throw new IllegalStateException("unknown offset record " + what + " version " + v);
        }
    }

    private static void putString(ByteBuffer b, byte[] s) {
        if (s == null) {
            b.putShort((short) -1);
        } else {
            b.putShort((short) s.length).put(s);
        }
    }

    private static String getString(ByteBuffer b) {
        short len = b.getShort();
        if (len < 0) {
            return null;
        }
        byte[] s = new byte[len];
        b.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }
}
