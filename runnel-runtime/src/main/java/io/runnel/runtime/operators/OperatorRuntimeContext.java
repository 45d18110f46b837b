package io.runnel.runtime.operators;

import io.runnel.api.functions.RuntimeContext;
import io.runnel.api.state.AggregatingState;
import io.runnel.api.state.AggregatingStateDescriptor;
import io.runnel.api.state.ListState;
import io.runnel.api.state.ListStateDescriptor;
import io.runnel.api.state.MapState;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.api.state.ReducingState;
import io.runnel.api.state.ReducingStateDescriptor;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.runtime.state.KeyedStateBackend;

/** The {@link RuntimeContext} user functions see, backed by the operator's context. */
public final class OperatorRuntimeContext implements RuntimeContext {
    private final OperatorContext ctx;

    public OperatorRuntimeContext(OperatorContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String operatorName() {
        return ctx.name();
    }

    @Override
    public int subtaskIndex() {
        return ctx.subtask();
    }

    @Override
    public int parallelism() {
        return ctx.parallelism();
    }

    @Override
    public int maxParallelism() {
        return ctx.maxParallelism();
    }

    private KeyedStateBackend state(String name) {
        if (ctx.state() == null) {
            throw new IllegalStateException("operator '" + ctx.name() + "' asked for keyed state '" + name
                    + "' but its input is not keyed: use keyBy() first");
        }
        return ctx.state();
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> d) {
        return state(d.name()).value(d);
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> d) {
        return state(d.name()).list(d);
    }

    @Override
    public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> d) {
        return state(d.name()).map(d);
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> d) {
        return state(d.name()).reducing(d);
    }

    @Override
    public <I, A, O> AggregatingState<I, O> getAggregatingState(AggregatingStateDescriptor<I, A, O> d) {
        return state(d.name()).aggregating(d);
    }
}
