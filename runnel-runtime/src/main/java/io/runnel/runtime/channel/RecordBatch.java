package io.runnel.runtime.channel;

/**
 * A batch of records with their timestamps, the unit that crosses a channel. Records are passed
 * by reference: neither side mutates a record after it was emitted. On a keyed edge the batch also
 * carries each record's key and key group, computed once by the sender to pick the channel, so
 * the keyed operator that receives it neither extracts nor hashes the key again.
 */
public final class RecordBatch {
    public final Object[] values;
    public final long[] timestamps;
    /** Keys and their key groups, or null when the edge is not keyed. */
    public final Object[] keys;
    public final int[] keyGroups;
    public int size;

    public RecordBatch(int capacity) {
        this(capacity, false);
    }

    public RecordBatch(int capacity, boolean keyed) {
        values = new Object[capacity];
        timestamps = new long[capacity];
        keys = keyed ? new Object[capacity] : null;
        keyGroups = keyed ? new int[capacity] : null;
    }

    /** Appends a record of a keyed edge; returns true when the batch is now full. */
    public boolean add(Object value, long timestamp, Object key, int keyGroup) {
        keys[size] = key;
        keyGroups[size] = keyGroup;
        return add(value, timestamp);
    }

    /** Appends; returns true when the batch is now full. */
    public boolean add(Object value, long timestamp) {
        values[size] = value;
        timestamps[size] = timestamp;
        return ++size == values.length;
    }

    public boolean isEmpty() {
        return size == 0;
    }
}
