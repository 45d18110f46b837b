package io.runnel.runtime.operators;

import io.runnel.api.functions.FlatMapFunction;

/** Applies a flatMap function; every result keeps the input's timestamp. */
public final class FlatMapOperator<I, O> extends StreamOperator<O> implements OneInputOperator<I> {
    private final FlatMapFunction<I, O> fn;
    private TimestampedCollector<O> collector;

    public FlatMapOperator(FlatMapFunction<I, O> fn) {
        this.fn = fn;
    }

    @Override
    public void open() throws Exception {
        collector = new TimestampedCollector<>(output);
        openFunction(fn);
    }

    @Override
    public void processElement(I value, long timestamp) throws Exception {
        fn.flatMap(value, collector.at(timestamp));
    }

    @Override
    public void close() throws Exception {
        closeFunction(fn);
    }
}
