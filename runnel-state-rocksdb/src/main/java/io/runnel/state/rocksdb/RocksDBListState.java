package io.runnel.state.rocksdb;

import io.runnel.api.state.ListState;
import io.runnel.state.rocksdb.serial.ByteIn;
import io.runnel.state.rocksdb.serial.ByteOut;
import io.runnel.state.rocksdb.serial.CompactSerializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rocksdb.ColumnFamilyHandle;

/**
 * A list per key. {@link #add} is a RocksDB merge (string-append, empty delimiter) of one
 * length-prefixed element, so adding costs the same however long the list is; reads see the
 * elements concatenated.
 *
 * <p>With a TTL each element carries the time it was added (or last read, per the config) and
 * expires on its own, as on the heap; a read that finds expired elements writes the list back
 * without them.
 */
final class RocksDBListState<T> extends RocksDBState implements ListState<T> {
    private static final int STAMP = StateBytesDescriptor.STAMP_BYTES;
    private static final int LENGTH = StateBytesDescriptor.ELEMENT_LENGTH_BYTES;

    RocksDBListState(String name, ColumnFamilyHandle cf, StateContext ctx, TtlPolicy ttl) {
        super(name, cf, ctx, ttl, TtlSweeper.Layout.STAMPED_ELEMENTS);
    }

    @Override
    public Iterable<T> get() {
        onAccess();
        int keyLength = ctx.currentKey();
        int n = read(keyLength);
        if (n < 0) return List.of();
        return ttl.enabled() ? readStamped(keyLength, n) : readPlain(n);
    }

    @Override
    public void add(T value) {
        if (value == null) throw new NullPointerException("ListState.add(null) on state '" + name + "'");
        onAccess();
        int keyLength = ctx.currentKey();
        ByteOut out = ctx.valueOut();
        appendElement(value, ttl.enabled() ? ctx.now() : 0, out);
        merge(keyLength, out.array(), 0, out.length());
    }

    @Override
    public void addAll(List<T> values) {
        if (values.isEmpty()) return;
        for (T v : values) Objects.requireNonNull(v, () -> "ListState.addAll with a null element on state '" + name + "'");
        onAccess();
        int keyLength = ctx.currentKey();
        ByteOut out = encode(values);
        merge(keyLength, out.array(), 0, out.length());
    }

    @Override
    public void update(List<T> values) {
        onAccess();
        if (values == null || values.isEmpty()) {
            clear();
            return;
        }
        for (T v : values) Objects.requireNonNull(v, () -> "ListState.update with a null element on state '" + name + "'");
        int keyLength = ctx.currentKey();
        ByteOut out = encode(values);
        put(keyLength, out.array(), 0, out.length());
    }

    private ByteOut encode(List<T> values) {
        ByteOut out = ctx.valueOut();
        long now = ttl.enabled() ? ctx.now() : 0;
        for (T v : values) appendElement(v, now, out);
        return out;
    }

    private void appendElement(T value, long now, ByteOut out) {
        if (ttl.enabled()) out.writeLong(now);
        int lengthAt = out.skip(LENGTH);
        CompactSerializer.write(value, out);
        out.setInt(lengthAt, out.length() - lengthAt - LENGTH);
    }

    @SuppressWarnings("unchecked")
    private List<T> readPlain(int n) {
        ByteIn in = ctx.in(ctx.readBuffer(), 0, n);
        ArrayList<T> list = new ArrayList<>();
        while (in.hasRemaining()) {
            int len = in.readInt();
            int end = in.position() + len;
            list.add((T) CompactSerializer.read(in));
            checkElementEnd(in, end);
        }
        return list;
    }

    /** The live elements; writes the list back without the expired ones (or restamped, when reads refresh). */
    @SuppressWarnings("unchecked")
    private List<T> readStamped(int keyLength, int n) {
        byte[] b = ctx.readBuffer();
        long now = ctx.now();
        ByteIn in = ctx.in(b, 0, n);
        ArrayList<T> list = new ArrayList<>();
        boolean someExpired = false;
        while (in.hasRemaining()) {
            long stamp = in.readLong();
            int len = in.readInt();
            int end = in.position() + len;
            if (ttl.expired(stamp, now)) {
                someExpired = true;
                in.skip(len);
                continue;
            }
            list.add((T) CompactSerializer.read(in));
            checkElementEnd(in, end);
        }
        if (list.isEmpty()) {
            delete(keyLength);
        } else if (someExpired || ttl.refreshOnRead()) {
            ByteOut out = ctx.valueOut();
            for (int at = 0; at < n; ) {
                int end = at + STAMP + LENGTH + ByteIn.getInt(b, at + STAMP);
                if (!ttl.expired(StateBytesDescriptor.stampAt(b, at), now)) {
                    int from = out.length();
                    out.writeBytes(b, at, end - at);
                    if (ttl.refreshOnRead()) out.setLong(from, now);
                }
                at = end;
            }
            put(keyLength, out.array(), 0, out.length());
        }
        return list;
    }

    private void checkElementEnd(ByteIn in, int end) {
        if (in.position() != end) {
            throw new IllegalStateException("corrupt list state '" + name + "' for key " + ctx.describeKey()
                    + ": element length says it ends at " + end + ", it ends at " + in.position());
        }
    }
}
