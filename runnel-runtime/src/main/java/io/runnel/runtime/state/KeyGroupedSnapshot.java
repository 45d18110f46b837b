package io.runnel.runtime.state;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Frozen key-group maps, written as (absolute key group, entries) when serialized; read back as
 * a map from key group to entries so a restore can keep the groups it owns.
 */
public final class KeyGroupedSnapshot implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    private transient int firstKeyGroup;
    private transient Map<Object, ?>[] frozen;
    /** Told a group index once that group has been read (encoded), or -1 once all have. */
    private transient java.util.function.IntConsumer onWritten;
    private transient Map<Integer, Map<Object, Object>> groups;
    private transient ValueFilter filter;

    /** Changes a value as it is written, or drops it (null): expired TTL values are left out. Reads only. */
    @FunctionalInterface
    interface ValueFilter {
        Object apply(Object value);
    }
    /** How a key group's entries follow: encoded into one byte block, or each value written to the stream. */
    private static final byte ENCODED = 1, SERIALIZED = 2;

    KeyGroupedSnapshot(int firstKeyGroup, Map<Object, ?>[] frozen, java.util.function.IntConsumer onWritten) {
        this(firstKeyGroup, frozen, onWritten, null);
    }

    KeyGroupedSnapshot(int firstKeyGroup, Map<Object, ?>[] frozen, java.util.function.IntConsumer onWritten, ValueFilter filter) {
        this.firstKeyGroup = firstKeyGroup;
        this.frozen = frozen;
        this.onWritten = onWritten;
        this.filter = filter;
    }

    int firstKeyGroup() {
        return firstKeyGroup;
    }

    int groupCount() {
        return frozen.length;
    }

    boolean filtered() {
        return filter != null;
    }

    /** Frozen group {@code i} unfiltered (null if the group does not exist): its size, for a delta. */
    CowGroup.Frozen frozen(int i) {
        return (CowGroup.Frozen) frozen[i];
    }

    /** Frozen group {@code i} as it is written: filtered into a new map when there is a filter. */
    Map<Object, ?> group(int i) {
        Map<Object, ?> m = frozen[i];
        if (filter == null || m == null || m.isEmpty()) return m;
        HashMap<Object, Object> out = new HashMap<>(Math.max(16, (int) (m.size() / 0.75f) + 1));
        for (Map.Entry<Object, ?> e : m.entrySet()) {
            Object v = filter.apply(e.getValue());
            if (v != null) out.put(e.getKey(), v);
        }
        return out;
    }

    /** After a read: key group -> entries. */
    public Map<Integer, Map<Object, Object>> groups() {
        if (groups == null) {
            // not serialized yet (an in-memory hand-over): view the frozen maps directly
            Map<Integer, Map<Object, Object>> g = new TreeMap<>();
            for (int i = 0; i < frozen.length; i++) {
                @SuppressWarnings("unchecked") Map<Object, Object> m = (Map<Object, Object>) group(i);
                if (m != null && !m.isEmpty()) g.put(firstKeyGroup + i, m);
            }
            return g;
        }
        return groups;
    }

    @Serial
    private void writeObject(ObjectOutputStream out) throws IOException {
        SnapshotBytesOut bytes = new SnapshotBytesOut();
        int n = 0;
        for (Map<Object, ?> m : frozen) if (m != null && !m.isEmpty()) n++;
        out.writeInt(n);
        for (int i = 0; i < frozen.length; i++) {
            if (frozen[i] == null || frozen[i].isEmpty()) continue;
            Map<Object, ?> m = group(i); // may be empty once filtered: still written, as counted above
            out.writeInt(firstKeyGroup + i);
            out.writeInt(m.size());
            if (encode(m, bytes)) {
                out.writeByte(ENCODED);
                out.writeInt(bytes.size());
                out.write(bytes.array(), 0, bytes.size());
            } else {
                out.writeByte(SERIALIZED);
                for (Map.Entry<Object, ?> e : m.entrySet()) {
                    SnapshotValues.write(out, e.getKey());
                    SnapshotValues.write(out, e.getValue());
                }
            }
            markGroupWritten(i);
        }
        markWritten();
    }

    /** Tells the table the snapshot is written: it may change the frozen entries in place again. */
    void markWritten() {
        if (onWritten != null) onWritten.accept(-1);
    }

    /** Tells the table group {@code i} (relative) has been read: the task may change its entries in place again. */
    void markGroupWritten(int i) {
        if (onWritten != null) onWritten.accept(i);
    }

    /** Encodes every entry of {@code m} into {@code bytes}; false if some key or value needs Java serialization. */
    private static boolean encode(Map<Object, ?> m, SnapshotBytesOut bytes) throws IOException {
        bytes.reset();
        for (Map.Entry<Object, ?> e : m.entrySet()) {
            if (!SnapshotValues.encode(bytes, e.getKey()) || !SnapshotValues.encode(bytes, e.getValue())) return false;
        }
        return true;
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        int n = in.readInt();
        groups = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            int kg = in.readInt();
            int size = in.readInt();
            HashMap<Object, Object> m = new HashMap<>(Math.max(16, (int) (size / 0.75f) + 1));
            byte format = in.readByte();
            if (format == ENCODED) {
                int len = in.readInt();
                if (len < 0) throw new IOException("corrupt snapshot: key group " + kg + " has length " + len);
                byte[] b = new byte[len];
                in.readFully(b);
                SnapshotBytesIn bin = new SnapshotBytesIn(b);
                for (int j = 0; j < size; j++) m.put(SnapshotValues.decode(bin), SnapshotValues.decode(bin));
                if (!bin.atEnd()) throw new IOException("corrupt snapshot: key group " + kg + " has bytes after its " + size + " entries");
            } else if (format == SERIALIZED) {
                for (int j = 0; j < size; j++) m.put(SnapshotValues.read(in), SnapshotValues.read(in));
            } else {
                throw new IOException("corrupt snapshot: key group " + kg + " has unknown format " + format);
            }
            if (!m.isEmpty()) groups.put(kg, m);
        }
    }
}
