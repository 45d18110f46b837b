package io.runnel.runtime.state;

import io.runnel.api.state.MapState;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A map per key. With a TTL each entry's value is {@link Ttl.Stamped stamped} and expires on its
 * own; reading an entry (get, contains, iteration) refreshes it when reads count as access.
 * Iteration returns a copy, as on RocksDB: the caller may change the map while iterating.
 */
final class HeapMapState<K, V> implements MapState<K, V> {
    /** Makes one result element of an iteration. */
    private interface Reader<K, V, R> {
        R read(K key, V value);
    }

    private final StateTable table;
    private final Ttl ttl;

    HeapMapState(StateTable table, Ttl ttl) {
        this.table = table;
        this.ttl = ttl;
    }

    @SuppressWarnings("unchecked")
    private HashMap<K, Object> stored() {
        return (HashMap<K, Object>) table.get();
    }

    private HashMap<K, Object> storedOrNew() {
        HashMap<K, Object> m = stored();
        if (m == null) {
            m = new HashMap<>();
            table.put(m);
        }
        return m;
    }

    /** The live stored value of {@code key} (stamped with a TTL), or null; drops it if expired, refreshes it on read. */
    private Object live(HashMap<K, Object> m, K key) {
        Object raw = m.get(key);
        if (raw == null || !ttl.enabled()) return raw;
        Ttl.Stamped s = (Ttl.Stamped) raw;
        long now = ttl.now();
        if (ttl.expired(s.time, now)) {
            m.remove(key);
            if (m.isEmpty()) table.remove();
            return null;
        }
        if (ttl.refreshOnRead()) s.time = now;
        return s;
    }

    /** With a TTL, {@code value} stamped now, a null value too (an entry may map to null). */
    private Object stamp(V value) {
        return ttl.enabled() ? new Ttl.Stamped(value, ttl.now()) : value;
    }

    @SuppressWarnings("unchecked")
    private V unwrap(Object raw) {
        return (V) (ttl.enabled() ? ((Ttl.Stamped) raw).value : raw);
    }

    @Override
    public V get(K key) {
        ttl.onAccess();
        HashMap<K, Object> m = stored();
        Object raw = m == null ? null : live(m, key);
        return raw == null ? null : unwrap(raw);
    }

    @Override
    public void put(K key, V value) {
        ttl.onAccess();
        storedOrNew().put(key, stamp(value));
    }

    @Override
    public void putAll(Map<K, V> entries) {
        ttl.onAccess();
        if (entries.isEmpty()) return;
        HashMap<K, Object> m = storedOrNew();
        for (Map.Entry<K, V> e : entries.entrySet()) m.put(e.getKey(), stamp(e.getValue()));
    }

    @Override
    public void remove(K key) {
        ttl.onAccess();
        HashMap<K, Object> m = stored();
        if (m == null) return;
        m.remove(key);
        if (m.isEmpty()) table.remove();
    }

    @Override
    public boolean contains(K key) {
        ttl.onAccess();
        HashMap<K, Object> m = stored();
        if (m == null) return false;
        return ttl.enabled() ? live(m, key) != null : m.containsKey(key);
    }

    @Override
    public Iterable<Map.Entry<K, V>> entries() {
        return scan(SimpleImmutableEntry::new);
    }

    @Override
    public Iterable<K> keys() {
        return scan((k, v) -> k);
    }

    @Override
    public Iterable<V> values() {
        return scan((k, v) -> v);
    }

    /** The live entries as a new list; drops expired ones, refreshes the rest on read. */
    private <R> List<R> scan(Reader<K, V, R> reader) {
        ttl.onAccess();
        HashMap<K, Object> m = stored();
        if (m == null) return java.util.Collections.emptyList(); // a shared iterator: nothing allocated for an absent key
        List<R> out = new ArrayList<>(m.size());
        if (!ttl.enabled()) {
            for (Map.Entry<K, Object> e : m.entrySet()) out.add(reader.read(e.getKey(), unwrap(e.getValue())));
            return out;
        }
        long now = ttl.now();
        for (Iterator<Map.Entry<K, Object>> it = m.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<K, Object> e = it.next();
            Ttl.Stamped s = (Ttl.Stamped) e.getValue();
            if (ttl.expired(s.time, now)) {
                it.remove();
                continue;
            }
            if (ttl.refreshOnRead()) s.time = now;
            out.add(reader.read(e.getKey(), unwrap(s)));
        }
        if (m.isEmpty()) table.remove();
        return out;
    }

    /** Whether no entry lives; drops the expired ones and refreshes none (no entry is read). */
    @Override
    public boolean isEmpty() {
        ttl.onAccess();
        HashMap<K, Object> m = stored();
        if (m == null) return true;
        if (ttl.enabled()) {
            ttl.dropExpired(m, ttl.now());
            if (m.isEmpty()) table.remove();
        }
        return m.isEmpty();
    }

    @Override
    public void clear() {
        table.remove();
    }
}
