package io.runnel.state.rocksdb.serial;

/** Reads big-endian values from a window of a byte array; re-pointed with {@link #wrap} per read. */
public final class ByteIn {
    private byte[] buf = new byte[0];
    private int pos;
    private int limit;

    public ByteIn wrap(byte[] bytes, int offset, int length) {
        this.buf = bytes;
        this.pos = offset;
        this.limit = offset + length;
        return this;
    }

    public int position() {
        return pos;
    }

    public boolean hasRemaining() {
        return pos < limit;
    }

    public byte[] array() {
        return buf;
    }

    public int readByte() {
        need(1);
        return buf[pos++];
    }

    public int readShort() {
        need(2);
        int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    public int readInt() {
        need(4);
        int v = getInt(buf, pos);
        pos += 4;
        return v;
    }

    public long readLong() {
        need(8);
        long v = getLong(buf, pos);
        pos += 8;
        return v;
    }

    public int readVarInt() {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = readByte();
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) return v;
        }
        throw new IllegalStateException("corrupt state bytes: varint longer than 5 bytes at offset " + (pos - 5));
    }

    /** Advances past {@code n} bytes, returning the offset where they start. */
    public int skip(int n) {
        need(n);
        int at = pos;
        pos += n;
        return at;
    }

    private void need(int n) {
        if (n < 0 || pos + n > limit) {
            throw new IllegalStateException("corrupt state bytes: need " + n + " bytes at offset " + pos + ", only " + (limit - pos) + " left");
        }
    }

    public static int getInt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    public static long getLong(byte[] b, int at) {
        return ((long) getInt(b, at) << 32) | (getInt(b, at + 4) & 0xFFFFFFFFL);
    }
}
