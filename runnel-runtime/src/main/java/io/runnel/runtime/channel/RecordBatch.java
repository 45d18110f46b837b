package io.runnel.runtime.channel;

/**
 * A batch of records with their timestamps, the unit that crosses a channel. Records are passed
 * by reference: neither side mutates a record after it was emitted.
 */
public final class RecordBatch {
    public final Object[] values;
    public final long[] timestamps;
    public int size;

    public RecordBatch(int capacity) {
        values = new Object[capacity];
        timestamps = new long[capacity];
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
