package io.runnel.api.state;

import java.util.Map;

/** Broadcast state as the non-broadcast side sees it: readable, not writable. */
public interface ReadOnlyBroadcastState<K, V> {
    V get(K key);

    boolean contains(K key);

    /** The entries, as an unmodifiable view. */
    Iterable<Map.Entry<K, V>> immutableEntries();

    boolean isEmpty();
}
