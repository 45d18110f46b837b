package io.runnel.runtime.state;

import io.runnel.api.state.ListState;
import java.util.ArrayList;
import java.util.List;

/** A list per key; the TTL applies to the list as a whole. */
final class HeapListState<T> implements ListState<T> {
    private final StateTable table;
    private final Ttl ttl;

    HeapListState(StateTable table, Ttl ttl) {
        this.table = table;
        this.ttl = ttl;
    }

    @SuppressWarnings("unchecked")
    private ArrayList<T> list() {
        return (ArrayList<T>) (ttl.enabled() ? ttl.read(table) : table.get());
    }

    @Override
    public Iterable<T> get() {
        ArrayList<T> l = list();
        return l == null ? List.of() : l;
    }

    @Override
    public void add(T value) {
        if (value == null) throw new NullPointerException("ListState.add(null)");
        ArrayList<T> l = list();
        if (l == null) l = new ArrayList<>();
        l.add(value);
        table.put(ttl.wrap(l));
    }

    @Override
    public void addAll(List<T> values) {
        for (T v : values) add(v);
    }

    @Override
    public void update(List<T> values) {
        if (values == null || values.isEmpty()) table.remove();
        else table.put(ttl.wrap(new ArrayList<>(values)));
    }

    @Override
    public void clear() {
        table.remove();
    }
}
