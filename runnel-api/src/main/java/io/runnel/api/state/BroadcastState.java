package io.runnel.api.state;

import java.util.Map;

/**
 * A map of operator state that every parallel instance keeps equal, because every instance
 * applies the same broadcast elements in the same way. Only the broadcast side writes it; the
 * checkpoint keeps each instance's copy, and a restore hands instance 0's copy to every new
 * instance. Keys and values must be serializable and not be changed in place once put.
 */
public interface BroadcastState<K, V> extends ReadOnlyBroadcastState<K, V> {
    void put(K key, V value);

    void putAll(Map<K, V> entries);

    void remove(K key);

    void clear();

    /** The entries, modifiable through {@link Map.Entry#setValue}. */
    Iterable<Map.Entry<K, V>> entries();
}
