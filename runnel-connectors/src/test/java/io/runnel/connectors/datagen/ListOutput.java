package io.runnel.connectors.datagen;

import io.runnel.api.connector.ReaderOutput;
import java.util.ArrayList;
import java.util.List;

/** Collects what a reader emits, for tests that drive a reader directly. */
final class ListOutput<T> implements ReaderOutput<T> {
    final List<T> records = new ArrayList<>();
    final List<String> released = new ArrayList<>();

    @Override
    public void collect(T record) {
        records.add(record);
    }

    @Override
    public void collect(T record, long timestamp) {
        records.add(record);
    }

    @Override
    public ReaderOutput<T> forSplit(String splitId) {
        return this;
    }

    @Override
    public void releaseSplit(String splitId) {
        released.add(splitId);
    }
}
