package io.runnel.state.rocksdb;

import io.runnel.api.state.State;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

/** Base of the state handles: one column family, the shared context, and error wrapping. */
abstract class RocksDBState implements State {
    protected final String name;
    protected final ColumnFamilyHandle cf;
    protected final StateContext ctx;
    protected final TtlPolicy ttl;
    /** The incremental cleanup (or, with no TTL, null). */
    private final TtlSweeper sweeper;

    RocksDBState(String name, ColumnFamilyHandle cf, StateContext ctx, TtlPolicy ttl, TtlSweeper.Layout layout) {
        this.name = name;
        this.cf = cf;
        this.ctx = ctx;
        this.ttl = ttl;
        this.sweeper = ttl.enabled() ? new TtlSweeper(name, ctx.database(), cf, ttl, layout, ctx::now) : null;
    }

    /** The TTL's cleanup of this state; null without a TTL. */
    TtlSweeper sweeper() {
        return sweeper;
    }

    /** Called first by every access: the incremental TTL cleanup's step, when configured. */
    protected void onAccess() {
        if (sweeper != null && ttl.cleanupSize() > 0) sweeper.onAccess();
    }

    /** Reads into the context's read buffer; the value's length or -1. */
    protected int read(int keyLength) {
        try {
            return ctx.read(cf, keyLength);
        } catch (RocksDBException e) {
            throw failure("read", e);
        }
    }

    protected void put(int keyLength, byte[] v, int offset, int length) {
        try {
            ctx.put(cf, keyLength, v, offset, length);
        } catch (RocksDBException e) {
            throw failure("write", e);
        }
    }

    protected void merge(int keyLength, byte[] v, int offset, int length) {
        try {
            ctx.merge(cf, keyLength, v, offset, length);
        } catch (RocksDBException e) {
            throw failure("append to", e);
        }
    }

    protected void delete(int keyLength) {
        try {
            ctx.delete(cf, keyLength);
        } catch (RocksDBException e) {
            throw failure("delete from", e);
        }
    }

    protected IllegalStateException failure(String what, RocksDBException e) {
        return new IllegalStateException("cannot " + what + " RocksDB state '" + name + "' for key " + ctx.describeKey() + ": " + e.getMessage(), e);
    }

    @Override
    public void clear() {
        delete(ctx.currentKey());
    }
}
