package io.runnel.state.rocksdb.serial;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte buffer written big-endian and reused across records: {@link #reset()} or
 * {@link #truncate(int)} instead of allocating a new one per key or value.
 */
public final class ByteOut {
    private byte[] buf;
    private int length;

    public ByteOut(int initialCapacity) {
        this.buf = new byte[Math.max(16, initialCapacity)];
    }

    public void reset() {
        length = 0;
    }

    /** Drops everything after the first {@code newLength} bytes (keeps a written key prefix). */
    public void truncate(int newLength) {
        if (newLength < 0 || newLength > length) throw new IndexOutOfBoundsException("truncate to " + newLength + " of " + length);
        length = newLength;
    }

    /** The backing array; valid bytes are {@code [0, length())}. */
    public byte[] array() {
        return buf;
    }

    public int length() {
        return length;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, length);
    }

    public void writeByte(int b) {
        ensure(1);
        buf[length++] = (byte) b;
    }

    public void writeShort(int v) {
        ensure(2);
        buf[length++] = (byte) (v >>> 8);
        buf[length++] = (byte) v;
    }

    public void writeInt(int v) {
        ensure(4);
        putInt(buf, length, v);
        length += 4;
    }

    public void writeLong(long v) {
        ensure(8);
        putLong(buf, length, v);
        length += 8;
    }

    /** Unsigned LEB128: 1 byte below 128, at most 5. */
    public void writeVarInt(int v) {
        ensure(5);
        while ((v & ~0x7F) != 0) {
            buf[length++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[length++] = (byte) v;
    }

    public void writeBytes(byte[] src, int offset, int len) {
        ensure(len);
        System.arraycopy(src, offset, buf, length, len);
        length += len;
    }

    /** Reserves {@code n} bytes to fill in later (a length known only after writing); returns their offset. */
    public int skip(int n) {
        ensure(n);
        int at = length;
        length += n;
        return at;
    }

    public void setInt(int offset, int v) {
        putInt(buf, offset, v);
    }

    public void setLong(int offset, long v) {
        putLong(buf, offset, v);
    }

    /** This buffer as an output stream, for the Java serialization fallback. */
    OutputStream asStream() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                writeByte(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writeBytes(b, off, len);
            }
        };
    }

    private void ensure(int n) {
        if (length + n > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + n));
    }

    public static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    public static void putLong(byte[] b, int at, long v) {
        putInt(b, at, (int) (v >>> 32));
        putInt(b, at + 4, (int) v);
    }
}
