package io.runnel.runtime.state;

/**
 * Internal keyed state with a namespace: one value per (current key, namespace), where the
 * namespace is a window or a slice. Window operators keep their contents here, so the backend
 * holds them (on RocksDB, off the heap) and snapshots and rescales them by key group with the
 * rest of the keyed state. Not user API: names start with an underscore and cannot clash with
 * user state.
 *
 * <p>A value read with {@link #get} may be changed in place only if it is written back with
 * {@link #put}: the heap hands out the stored object (made the task's own first), RocksDB a decoded
 * copy that it keeps for the last (key, namespace) read and writes back only when another is used.
 */
public interface NamespacedState<V> {
    /** The current key's value in {@code namespace}, or null. */
    V get(Object namespace);

    /** Writes the value; null or an empty {@code ArrayList} removes the entry. */
    void put(Object namespace, V value);

    void remove(Object namespace);

    /**
     * Appends {@code element} to the list (an {@code ArrayList}) in {@code namespace}, creating it:
     * without reading the list (on RocksDB a merge), so windows that keep every element stay
     * O(1) per element. {@link #get} returns the list.
     */
    void append(Object namespace, Object element);

    /**
     * Visits every (key, namespace, value) with that key set as the current key, one key's entries
     * one after another; the visitor may put and remove entries of this state. A full scan: per
     * watermark or restore, not per record.
     */
    void forEach(EntryVisitor<V> visitor) throws Exception;

    /** Visits the current key's (namespace, value) pairs (on the heap, a scan of its key group). */
    void forEachOfCurrentKey(EntryVisitor<V> visitor) throws Exception;

    /** Number of entries (a full scan on RocksDB): for tests and metrics. */
    long size();

    @FunctionalInterface
    interface EntryVisitor<V> {
        void visit(Object key, Object namespace, V value) throws Exception;
    }
}
