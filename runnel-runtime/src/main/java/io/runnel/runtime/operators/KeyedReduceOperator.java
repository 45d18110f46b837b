package io.runnel.runtime.operators;

import io.runnel.api.functions.KeySelector;
import io.runnel.api.functions.ReduceFunction;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.runtime.state.TimerEntry;

/** A running reduce per key: emits the key's new value for every record. */
public final class KeyedReduceOperator<T> extends KeyedOperator<T> implements OneInputOperator<T> {
    private final ReduceFunction<T> fn;
    private final KeySelector<T, ?> keySelector;
    private ValueState<T> state;

    public KeyedReduceOperator(ReduceFunction<T> fn, KeySelector<T, ?> keySelector) {
        this.fn = fn;
        this.keySelector = keySelector;
    }

    @Override
    public void open() throws Exception {
        state = context.state().value(new ValueStateDescriptor<>("reduce"));
        openFunction(fn);
    }

    @Override
    public void processElement(T value, long timestamp) throws Exception {
        setKeyOf(keySelector, value);
        T current = state.value();
        T next = current == null ? value : fn.reduce(current, value);
        state.update(next);
        output.collect(next, timestamp);
    }

    @Override
    protected void onEventTime(TimerEntry timer) {}

    @Override
    public void close() throws Exception {
        closeFunction(fn);
    }
}
