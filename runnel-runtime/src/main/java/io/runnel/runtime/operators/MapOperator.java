package io.runnel.runtime.operators;

import io.runnel.api.functions.MapFunction;

/** Applies a map function; the result keeps the input's timestamp. */
public final class MapOperator<I, O> extends StreamOperator<O> implements OneInputOperator<I> {
    private final MapFunction<I, O> fn;

    public MapOperator(MapFunction<I, O> fn) {
        this.fn = fn;
    }

    @Override
    public void open() throws Exception {
        openFunction(fn);
    }

    @Override
    public void processElement(I value, long timestamp) throws Exception {
        output.collect(fn.map(value), timestamp);
    }

    @Override
    public void close() throws Exception {
        closeFunction(fn);
    }
}
