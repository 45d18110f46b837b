package io.runnel.runtime.state.operator;

import io.runnel.api.state.BroadcastState;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** Broadcast state of one instance, in a hash map; {@link #readOnly()} is the view the non-broadcast side gets. */
public final class HeapBroadcastState<K, V> implements BroadcastState<K, V> {
    private final String name;
    final HashMap<K, V> map = new HashMap<>();
    private final ReadOnly readOnly = new ReadOnly();

    @SuppressWarnings("unchecked")
    HeapBroadcastState(String name, Map<Object, Object> restored) {
        this.name = name;
        map.putAll((Map<K, V>) restored);
    }

    /** This state as a view whose writes fail: what processElement gets. */
    public BroadcastState<K, V> readOnly() {
        return readOnly;
    }

    @Override
    public V get(K key) {
        return map.get(key);
    }

    @Override
    public boolean contains(K key) {
        return map.containsKey(key);
    }

    @Override
    public Iterable<Map.Entry<K, V>> immutableEntries() {
        return Collections.unmodifiableMap(map).entrySet();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public void put(K key, V value) {
        map.put(key, value);
    }

    @Override
    public void putAll(Map<K, V> entries) {
        map.putAll(entries);
    }

    @Override
    public void remove(K key) {
        map.remove(key);
    }

    @Override
    public void clear() {
        map.clear();
    }

    @Override
    public Iterable<Map.Entry<K, V>> entries() {
        return map.entrySet();
    }

    /** Reads go to the state; writes fail, since only broadcast elements (seen by every instance alike) may change it. */
    private final class ReadOnly implements BroadcastState<K, V> {
        @Override
        public V get(K key) {
            return map.get(key);
        }

        @Override
        public boolean contains(K key) {
            return map.containsKey(key);
        }

        @Override
        public Iterable<Map.Entry<K, V>> immutableEntries() {
            return HeapBroadcastState.this.immutableEntries();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public void put(K key, V value) {
            throw readOnlyError();
        }

        @Override
        public void putAll(Map<K, V> entries) {
            throw readOnlyError();
        }

        @Override
        public void remove(K key) {
            throw readOnlyError();
        }

        @Override
        public void clear() {
            throw readOnlyError();
        }

        @Override
        public Iterable<Map.Entry<K, V>> entries() {
            return immutableEntries();
        }

        private UnsupportedOperationException readOnlyError() {
            return new UnsupportedOperationException("broadcast state '" + name + "' is read-only in processElement: only "
                    + "processBroadcastElement may change it, so that every parallel instance keeps the same copy");
        }
    }
}
