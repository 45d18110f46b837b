package io.runnel.testing;

import io.runnel.api.connector.ReaderOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects what a source reader emits when a test drives the reader directly (no job): records,
 * their timestamps, the splits it announced and the ones it released. Not thread-safe.
 */
public final class CollectingReaderOutput<T> implements ReaderOutput<T> {
    public final List<T> records = new ArrayList<>();
    public final List<Long> timestamps = new ArrayList<>();
    public final List<String> announced = new ArrayList<>();
    public final List<String> released = new ArrayList<>();

    @Override
    public void collect(T record) {
        collect(record, Long.MIN_VALUE);
    }

    @Override
    public void collect(T record, long timestamp) {
        records.add(record);
        timestamps.add(timestamp);
    }

    @Override
    public ReaderOutput<T> forSplit(String splitId) {
        if (!announced.contains(splitId)) announced.add(splitId);
        return this;
    }

    @Override
    public void releaseSplit(String splitId) {
        released.add(splitId);
    }
}
