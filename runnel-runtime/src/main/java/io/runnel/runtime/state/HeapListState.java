package io.runnel.runtime.state;

import io.runnel.api.state.ListState;
import java.util.ArrayList;
import java.util.List;

/**
 * A list per key. With a TTL each element is {@link Ttl.Stamped stamped} and expires on its
 * own. {@link #get} returns a copy, as the RocksDB backend does: the caller may keep it while the
 * list changes, and changing it does not change the state.
 */
final class HeapListState<T> implements ListState<T> {
    private final StateTable table;
    private final Ttl ttl;

    HeapListState(StateTable table, Ttl ttl) {
        this.table = table;
        this.ttl = ttl;
    }

    @SuppressWarnings("unchecked")
    private ArrayList<Object> stored() {
        return (ArrayList<Object>) table.get();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Iterable<T> get() {
        ttl.onAccess();
        ArrayList<Object> l = stored();
        if (l == null) return java.util.Collections.emptyList(); // its iterator is shared: a read of an absent key allocates nothing
        if (!ttl.enabled()) return new ArrayList<>((List<T>) (List<?>) l);
        long now = ttl.now();
        ArrayList<T> out = new ArrayList<>(l.size());
        boolean someExpired = false;
        for (Object o : l) {
            Ttl.Stamped s = (Ttl.Stamped) o;
            if (ttl.expired(s.time, now)) {
                someExpired = true;
                continue;
            }
            if (ttl.refreshOnRead()) s.time = now; // the table's get made the list ours
            out.add((T) s.value);
        }
        if (out.isEmpty()) table.remove();
        else if (someExpired) ttl.dropExpired(l, now);
        return out;
    }

    @Override
    public void add(T value) {
        if (value == null) throw new NullPointerException("ListState.add(null)");
        ttl.onAccess();
        append(value);
    }

    @Override
    public void addAll(List<T> values) {
        for (T v : values) if (v == null) throw new NullPointerException("ListState.addAll with a null element");
        ttl.onAccess();
        for (T v : values) append(v);
    }

    private void append(T value) {
        ArrayList<Object> l = stored();
        if (l == null) {
            l = new ArrayList<>(2); // most keys' lists stay short (a window join's rows per key): not ten slots each
            table.put(l);
        }
        l.add(ttl.wrap(value));
    }

    @Override
    public void update(List<T> values) {
        ttl.onAccess();
        if (values == null || values.isEmpty()) {
            table.remove();
            return;
        }
        ArrayList<Object> l = new ArrayList<>(values.size());
        for (T v : values) {
            if (v == null) throw new NullPointerException("ListState.update with a null element");
            l.add(ttl.wrap(v));
        }
        table.put(l);
    }

    @Override
    public void clear() {
        table.remove();
    }
}
