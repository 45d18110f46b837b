package io.runnel.state.rocksdb;

import io.runnel.api.state.ValueState;
import org.rocksdb.ColumnFamilyHandle;

/** A value per key; the descriptor's default while unset or expired. */
final class RocksDBValueState<T> extends SingleValueState implements ValueState<T> {
    private final T defaultValue;

    RocksDBValueState(String name, ColumnFamilyHandle cf, StateContext ctx, TtlPolicy ttl, T defaultValue) {
        super(name, cf, ctx, ttl);
        this.defaultValue = defaultValue;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T value() {
        Object v = readValue(true);
        return v == null ? defaultValue : (T) v;
    }

    @Override
    public void update(T value) {
        if (value == null) clear();
        else writeValue(value);
    }
}
