package io.runnel.runtime.state;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Reads what {@link SnapshotBytesOut} wrote; a read past the end is a corrupt snapshot. */
public final class SnapshotBytesIn implements SnapshotValueInput {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private final byte[] buf;
    private int pos;

    public SnapshotBytesIn(byte[] buf) {
        this.buf = buf;
    }

    private void need(int n) throws IOException {
        if (n < 0 || pos + n > buf.length) throw new IOException("corrupt snapshot: key group data ends after " + pos + " of " + buf.length + " bytes");
    }

    @Override
    public byte readByte() throws IOException {
        need(1);
        return buf[pos++];
    }

    @Override
    public int readInt() throws IOException {
        need(4);
        int v = (int) INT.get(buf, pos);
        pos += 4;
        return v;
    }

    @Override
    public long readLong() throws IOException {
        need(8);
        long v = (long) LONG.get(buf, pos);
        pos += 8;
        return v;
    }

    @Override
    public String readString() throws IOException {
        int n = readInt();
        need(n);
        String s = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    public boolean atEnd() {
        return pos == buf.length;
    }
}
