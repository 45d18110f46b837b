package io.runnel.runtime.windowing;

/**
 * Where the slicing window operator keeps its slices: in the keyed state backend, in the layout
 * that suits it. On the heap each key's slices are one {@link KeySlices} value ({@link
 * HeapSliceStore}: one lookup per record, changed in place); elsewhere each slice is an entry
 * namespaced by its slice end ({@link NamespacedSliceStore}: point reads and writes, so RocksDB
 * keeps slices off the heap). Both are snapshotted and rescaled with the rest of the keyed state.
 * Calls are for the current key unless they say otherwise.
 */
interface SliceStore {
    /** The state name of the slices in the backend. */
    String STATE = "_window-slices";
    /** Which slices exist, where slices are element lists appended to unread ({@link NamespacedSliceStore}). */
    String MARKS = "_window-slice-marks";

    /** Folds {@code value} into the current key's slice starting at {@code start}; true if that slice is new. */
    boolean add(long start, Object value) throws Exception;

    /** The current key's slices, or null: to read (on the heap, the stored slices themselves). */
    KeySlices ofCurrentKey() throws Exception;

    /** The current key's slices starting in [{@code from}, {@code to}), or null (point reads off the heap). */
    KeySlices slicesIn(long from, long to) throws Exception;

    /** Removes the current key's slice starting at {@code start}. */
    void remove(long start);

    /**
     * Visits every key with slices, with the key set; the visitor may drop slices from the
     * {@link KeySlices} it gets ({@link KeySlices#dropWhile}), which the store then keeps.
     */
    void forEachKey(KeyVisitor visitor) throws Exception;

    /**
     * As {@link #forEachKey}, from relative key group {@code group} on, stopping after a group
     * once {@code stop} says so; returns the group to go on with, or -1 when every key was visited.
     * Stores that cannot stop part-way visit every key at once.
     */
    default int forEachKeyFrom(int group, KeyVisitor visitor, java.util.function.BooleanSupplier stop) throws Exception {
        if (group == 0) forEachKey(visitor);
        return -1;
    }

    /** The start of every slice of every key (once per key holding it): to rebuild the operator's index after a restore. */
    void forEachSliceStart(java.util.function.LongConsumer action) throws Exception;

    /** Entries in the backend (keys on the heap, slices elsewhere): for tests and metrics. */
    long entryCount();

    @FunctionalInterface
    interface KeyVisitor {
        void visit(Object key, KeySlices slices) throws Exception;
    }
}
