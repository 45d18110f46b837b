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
 * <p>With a TTL each element carries the time it was added, and the list expires as a whole, as
 * on the heap: an element added once the elements before it had expired starts a new list (the
 * heap would have dropped the old one on that add), and a read compacts such dead prefixes away.
 */
final class RocksDBListState<T> extends RocksDBState implements ListState<T> {
    private static final int STAMP = StateBytesDescriptor.STAMP_BYTES;
    private static final int LENGTH = StateBytesDescriptor.ELEMENT_LENGTH_BYTES;

    RocksDBListState(String name, ColumnFamilyHandle cf, StateContext ctx, TtlPolicy ttl) {
        super(name, cf, ctx, ttl);
    }

    @Override
    public Iterable<T> get() {
        int keyLength = ctx.currentKey();
        int n = read(keyLength);
        if (n < 0) return List.of();
        return ttl.enabled() ? readStamped(keyLength, n) : readPlain(n);
    }

    @Override
    public void add(T value) {
        if (value == null) throw new NullPointerException("ListState.add(null) on state '" + name + "'");
        int keyLength = ctx.currentKey();
        ByteOut out = ctx.valueOut();
        appendElement(value, ttl.enabled() ? ctx.now() : 0, out);
        merge(keyLength, out.array(), 0, out.length());
    }

    @Override
    public void addAll(List<T> values) {
        if (values.isEmpty()) return;
        for (T v : values) Objects.requireNonNull(v, () -> "ListState.addAll with a null element on state '" + name + "'");
        int keyLength = ctx.currentKey();
        ByteOut out = encode(values);
        merge(keyLength, out.array(), 0, out.length());
    }

    @Override
    public void update(List<T> values) {
        if (values == null || values.isEmpty()) {
            clear();
            return;
        }
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

    @SuppressWarnings("unchecked")
    private List<T> readStamped(int keyLength, int n) {
        byte[] b = ctx.readBuffer();
        ByteIn in = ctx.in(b, 0, n);
        ArrayList<T> list = new ArrayList<>();
        long last = Long.MIN_VALUE;
        int liveFrom = 0;
        while (in.hasRemaining()) {
            int start = in.position();
            long stamp = in.readLong();
            if (!list.isEmpty() && ttl.expired(last, stamp)) {
                list.clear();
                liveFrom = start;
            }
            last = Math.max(last, stamp);
            int len = in.readInt();
            int end = in.position() + len;
            list.add((T) CompactSerializer.read(in));
            checkElementEnd(in, end);
        }
        long now = ctx.now();
        if (ttl.expired(last, now)) {
            delete(keyLength);
            return List.of();
        }
        if (ttl.refreshOnRead()) restamp(b, liveFrom, n, now);
        if (ttl.refreshOnRead() || liveFrom > 0) put(keyLength, b, liveFrom, n - liveFrom);
        return list;
    }

    private static void restamp(byte[] b, int from, int to, long now) {
        for (int at = from; at < to; ) {
            ByteOut.putLong(b, at, now);
            at += STAMP + LENGTH + ByteIn.getInt(b, at + STAMP);
        }
    }

    private void checkElementEnd(ByteIn in, int end) {
        if (in.position() != end) {
            throw new IllegalStateException("corrupt list state '" + name + "' for key " + ctx.describeKey()
                    + ": element length says it ends at " + end + ", it ends at " + in.position());
        }
    }
}
