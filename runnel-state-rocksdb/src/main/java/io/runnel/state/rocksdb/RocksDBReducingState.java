package io.runnel.state.rocksdb;

import io.runnel.api.functions.ReduceFunction;
import io.runnel.api.state.ReducingState;
import org.rocksdb.ColumnFamilyHandle;

/** One reduced value per key: read, reduce, write back. */
final class RocksDBReducingState<T> extends SingleValueState implements ReducingState<T> {
    private final ReduceFunction<T> reducer;

    RocksDBReducingState(String name, ColumnFamilyHandle cf, StateContext ctx, TtlPolicy ttl, ReduceFunction<T> reducer) {
        super(name, cf, ctx, ttl);
        this.reducer = reducer;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get() {
        return (T) readValue(true);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void add(T value) {
        T current = (T) readValue(false);
        T reduced;
        try {
            reduced = current == null ? value : reducer.reduce(current, value);
        } catch (Exception e) {
            throw new IllegalStateException("reduce function of ReducingState '" + name + "' failed: " + e, e);
        }
        writeValue(reduced);
    }
}
