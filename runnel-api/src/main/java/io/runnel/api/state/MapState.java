package io.runnel.api.state;

import java.util.Map;

/**
 * A map per key. {@link #entries()}, {@link #keys()} and {@link #values()} return the entries as
 * they are at the call. With a TTL each entry expires on its own; reading an entry (get,
 * contains, iteration) counts as access for {@link StateTtlConfig.UpdateType#ON_READ_AND_WRITE},
 * {@link #isEmpty()} does not.
 */
public interface MapState<K, V> extends State {
    V get(K key);

    void put(K key, V value);

    void putAll(Map<K, V> entries);

    void remove(K key);

    boolean contains(K key);

    Iterable<Map.Entry<K, V>> entries();

    Iterable<K> keys();

    Iterable<V> values();

    boolean isEmpty();
}
