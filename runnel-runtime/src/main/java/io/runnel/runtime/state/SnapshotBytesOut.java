package io.runnel.runtime.state;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array that heap snapshots encode a key group into before one bulk write:
 * primitive writes here are plain array stores, where each {@code ObjectOutputStream.writeLong}
 * goes through the stream's block-data bookkeeping. Reused across groups by one writer thread.
 */
public final class SnapshotBytesOut implements SnapshotValueOutput {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private byte[] buf = new byte[1 << 16];
    private int size;

    public void reset() {
        size = 0;
    }

    public byte[] array() {
        return buf;
    }

    public int size() {
        return size;
    }

    private void ensure(int more) {
        if (size + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }

    @Override
    public void writeByte(int b) {
        ensure(1);
        buf[size++] = (byte) b;
    }

    @Override
    public void writeInt(int v) {
        ensure(4);
        INT.set(buf, size, v);
        size += 4;
    }

    @Override
    public void writeLong(long v) {
        ensure(8);
        LONG.set(buf, size, v);
        size += 8;
    }

    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    /** Length-prefixed UTF-8. */
    @Override
    public void writeString(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        writeInt(b.length);
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
    }
}
