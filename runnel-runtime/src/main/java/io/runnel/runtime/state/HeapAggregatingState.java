package io.runnel.runtime.state;

import io.runnel.api.functions.AggregateFunction;
import io.runnel.api.state.AggregatingState;

/** One accumulator per key. */
final class HeapAggregatingState<IN, ACC, OUT> implements AggregatingState<IN, OUT> {
    private final StateTable table;
    private final Ttl ttl;
    private final AggregateFunction<IN, ACC, OUT> aggregate;

    HeapAggregatingState(StateTable table, Ttl ttl, AggregateFunction<IN, ACC, OUT> aggregate) {
        this.table = table;
        this.ttl = ttl;
        this.aggregate = aggregate;
    }

    @SuppressWarnings("unchecked")
    private ACC acc() {
        ttl.onAccess();
        return (ACC) (ttl.enabled() ? ttl.read(table) : table.get());
    }

    @Override
    public OUT get() {
        ACC acc = acc();
        return acc == null ? null : aggregate.getResult(acc);
    }

    @Override
    public void add(IN value) {
        ACC acc = acc();
        if (acc == null) acc = aggregate.createAccumulator();
        table.put(ttl.wrap(aggregate.add(value, acc)));
    }

    @Override
    public void clear() {
        table.remove();
    }
}
