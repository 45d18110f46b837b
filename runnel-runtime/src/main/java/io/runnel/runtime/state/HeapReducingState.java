package io.runnel.runtime.state;

import io.runnel.api.functions.ReduceFunction;
import io.runnel.api.state.ReducingState;

/** One reduced value per key. */
final class HeapReducingState<T> implements ReducingState<T> {
    private final StateTable table;
    private final Ttl ttl;
    private final ReduceFunction<T> reducer;

    HeapReducingState(StateTable table, Ttl ttl, ReduceFunction<T> reducer) {
        this.table = table;
        this.ttl = ttl;
        this.reducer = reducer;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get() {
        ttl.onAccess();
        return (T) (ttl.enabled() ? ttl.read(table) : table.get());
    }

    @Override
    public void add(T value) {
        T current = get();
        try {
            table.put(ttl.wrap(current == null ? value : reducer.reduce(current, value)));
        } catch (Exception e) {
            throw new IllegalStateException("reduce function of ReducingState failed: " + e, e);
        }
    }

    @Override
    public void clear() {
        table.remove();
    }
}
