package io.runnel.runtime.state;

import io.runnel.api.state.ValueState;

/** A value per key in a {@link StateTable}. */
final class HeapValueState<T> implements ValueState<T> {
    private final StateTable table;
    private final Ttl ttl;
    private final T defaultValue;

    HeapValueState(StateTable table, Ttl ttl, T defaultValue) {
        this.table = table;
        this.ttl = ttl;
        this.defaultValue = defaultValue;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T value() {
        ttl.onAccess();
        Object v = ttl.enabled() ? ttl.read(table) : table.get();
        return v == null ? defaultValue : (T) v;
    }

    @Override
    public void update(T value) {
        ttl.onAccess();
        if (value == null) table.remove();
        else table.put(ttl.wrap(value));
    }

    @Override
    public void clear() {
        table.remove();
    }
}
