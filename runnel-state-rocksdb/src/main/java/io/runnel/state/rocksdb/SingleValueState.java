package io.runnel.state.rocksdb;

import io.runnel.state.rocksdb.serial.ByteOut;
import io.runnel.state.rocksdb.serial.CompactSerializer;
import org.rocksdb.ColumnFamilyHandle;

/** State with one value per key (value, reducing, aggregating): a point get and a point put. */
abstract class SingleValueState extends RocksDBState {
    SingleValueState(String name, ColumnFamilyHandle cf, StateContext ctx, TtlPolicy ttl) {
        super(name, cf, ctx, ttl, TtlSweeper.Layout.STAMPED_VALUE);
    }

    /**
     * The current key's value, or null when absent or expired (then deleted, as on the heap).
     * {@code refresh}: restamp on read when the TTL says so; false when a write follows anyway.
     */
    protected Object readValue(boolean refresh) {
        onAccess();
        int keyLength = ctx.currentKey();
        int n = read(keyLength);
        if (n < 0) return null;
        byte[] b = ctx.readBuffer();
        int offset = 0;
        if (ttl.enabled()) {
            long now = ctx.now();
            if (ttl.expired(StateBytesDescriptor.stampAt(b, 0), now)) {
                delete(keyLength);
                return null;
            }
            if (refresh && ttl.refreshOnRead()) {
                ByteOut.putLong(b, 0, now);
                put(keyLength, b, 0, n);
            }
            offset = StateBytesDescriptor.STAMP_BYTES;
        }
        return CompactSerializer.read(ctx.in(b, offset, n - offset));
    }

    protected void writeValue(Object value) {
        onAccess();
        int keyLength = ctx.currentKey();
        ByteOut out = ctx.valueOut();
        if (ttl.enabled()) out.writeLong(ctx.now());
        CompactSerializer.write(value, out);
        put(keyLength, out.array(), 0, out.length());
    }
}
