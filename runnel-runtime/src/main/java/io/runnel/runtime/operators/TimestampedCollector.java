package io.runnel.runtime.operators;

import io.runnel.api.functions.Collector;

/** Adapts an {@link Output} to a user {@link Collector}: emitted records keep the timestamp set here. */
public final class TimestampedCollector<T> implements Collector<T> {
    private final Output<T> output;
    private long timestamp = Long.MIN_VALUE;

    public TimestampedCollector(Output<T> output) {
        this.output = output;
    }

    public TimestampedCollector<T> at(long timestamp) {
        this.timestamp = timestamp;
        return this;
    }

    @Override
    public void collect(T record) {
        output.collect(record, timestamp);
    }
}
