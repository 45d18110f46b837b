package io.runnel.runtime.state;

import io.runnel.api.state.MapState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A map per key; the TTL applies to the map as a whole. */
final class HeapMapState<K, V> implements MapState<K, V> {
    private final StateTable table;
    private final Ttl ttl;

    HeapMapState(StateTable table, Ttl ttl) {
        this.table = table;
        this.ttl = ttl;
    }

    @SuppressWarnings("unchecked")
    private HashMap<K, V> map() {
        return (HashMap<K, V>) (ttl.enabled() ? ttl.read(table) : table.get());
    }

    private HashMap<K, V> mapForWrite() {
        HashMap<K, V> m = map();
        if (m == null) m = new HashMap<>();
        table.put(ttl.wrap(m));
        return m;
    }

    @Override
    public V get(K key) {
        HashMap<K, V> m = map();
        return m == null ? null : m.get(key);
    }

    @Override
    public void put(K key, V value) {
        mapForWrite().put(key, value);
    }

    @Override
    public void putAll(Map<K, V> entries) {
        mapForWrite().putAll(entries);
    }

    @Override
    public void remove(K key) {
        HashMap<K, V> m = map();
        if (m == null) return;
        m.remove(key);
        if (m.isEmpty()) table.remove();
    }

    @Override
    public boolean contains(K key) {
        HashMap<K, V> m = map();
        return m != null && m.containsKey(key);
    }

    @Override
    public Iterable<Map.Entry<K, V>> entries() {
        HashMap<K, V> m = map();
        return m == null ? List.of() : m.entrySet();
    }

    @Override
    public Iterable<K> keys() {
        HashMap<K, V> m = map();
        return m == null ? List.of() : m.keySet();
    }

    @Override
    public Iterable<V> values() {
        HashMap<K, V> m = map();
        return m == null ? List.of() : m.values();
    }

    @Override
    public boolean isEmpty() {
        HashMap<K, V> m = map();
        return m == null || m.isEmpty();
    }

    @Override
    public void clear() {
        table.remove();
    }
}
