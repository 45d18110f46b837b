package io.runnel.runtime.state;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes one segment of a {@link DeltaFileDescriptor delta file}: the removed keys and the put
 * entries of one key group of one state. Keys are plain keys or {@link NamespacedKey}s, as in
 * {@link KeyGroupedSnapshot}. Common types go into one byte block ({@link SnapshotValues#encode});
 * a segment with any other key or value is Java-serialized whole. One writer thread per instance.
 */
final class SegmentCodec {
    private static final byte ENCODED = 1, SERIALIZED = 2;
    private final SnapshotBytesOut bytes = new SnapshotBytesOut();

    /** A decoded segment: apply the removals first, then the puts. */
    record Decoded(List<Object> removed, Map<Object, Object> puts) {}

    /**
     * The segment's bytes, its puts the first {@code n} of two parallel arrays (distinct keys); the
     * array is valid until the next call.
     */
    SnapshotBytesOut encode(List<Object> removed, Object[] keys, Object[] values, int n) throws IOException {
        bytes.reset();
        bytes.writeByte(ENCODED);
        if (tryEncode(removed, keys, values, n)) return bytes;
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.write(SERIALIZED);
        try (ObjectOutputStream out = new ObjectOutputStream(raw)) {
            out.writeInt(removed.size());
            for (Object k : removed) SnapshotValues.write(out, k);
            out.writeInt(n);
            for (int i = 0; i < n; i++) {
                SnapshotValues.write(out, keys[i]);
                SnapshotValues.write(out, values[i]);
            }
        }
        bytes.reset();
        byte[] b = raw.toByteArray();
        bytes.write(b, 0, b.length);
        return bytes;
    }

    private boolean tryEncode(List<Object> removed, Object[] keys, Object[] values, int n) throws IOException {
        bytes.writeInt(removed.size());
        for (Object k : removed) if (!SnapshotValues.encode(bytes, k)) return false;
        bytes.writeInt(n);
        for (int i = 0; i < n; i++) {
            if (!SnapshotValues.encode(bytes, keys[i]) || !SnapshotValues.encode(bytes, values[i])) return false;
        }
        return true;
    }

    static Decoded decode(byte[] b, String where) throws IOException {
        if (b.length == 0) throw new IOException("corrupt snapshot: empty segment in " + where);
        if (b[0] == ENCODED) {
            SnapshotBytesIn in = new SnapshotBytesIn(b);
            in.readByte();
            int n = count(in.readInt(), where);
            List<Object> removed = new ArrayList<>(n);
            for (int i = 0; i < n; i++) removed.add(SnapshotValues.decode(in));
            int m = count(in.readInt(), where);
            Map<Object, Object> puts = new HashMap<>(Math.max(16, (int) (m / 0.75f) + 1));
            for (int i = 0; i < m; i++) puts.put(SnapshotValues.decode(in), SnapshotValues.decode(in));
            if (!in.atEnd()) throw new IOException("corrupt snapshot: bytes after the entries of a segment in " + where);
            return new Decoded(removed, puts);
        }
        if (b[0] != SERIALIZED) throw new IOException("corrupt snapshot: unknown segment format " + b[0] + " in " + where);
        try (ObjectInputStream in = new StateCopier.LoaderObjectInputStream(new ByteArrayInputStream(b, 1, b.length - 1), null)) {
            int n = count(in.readInt(), where);
            List<Object> removed = new ArrayList<>(n);
            for (int i = 0; i < n; i++) removed.add(SnapshotValues.read(in));
            int m = count(in.readInt(), where);
            Map<Object, Object> puts = new HashMap<>(Math.max(16, (int) (m / 0.75f) + 1));
            for (int i = 0; i < m; i++) puts.put(SnapshotValues.read(in), SnapshotValues.read(in));
            return new Decoded(removed, puts);
        } catch (ClassNotFoundException e) {
            throw new IOException("cannot read a segment of " + where + ": " + e, e);
        }
    }

    private static int count(int n, String where) throws IOException {
        if (n < 0) throw new IOException("corrupt snapshot: negative count " + n + " in " + where);
        return n;
    }
}
