package io.runnel.runtime.operators;

import io.runnel.api.functions.FilterFunction;

/** Forwards the records a filter keeps. */
public final class FilterOperator<T> extends StreamOperator<T> implements OneInputOperator<T> {
    private final FilterFunction<T> fn;

    public FilterOperator(FilterFunction<T> fn) {
        this.fn = fn;
    }

    @Override
    public void open() throws Exception {
        openFunction(fn);
    }

    @Override
    public void processElement(T value, long timestamp) throws Exception {
        if (fn.filter(value)) output.collect(value, timestamp);
    }

    @Override
    public void close() throws Exception {
        closeFunction(fn);
    }
}
