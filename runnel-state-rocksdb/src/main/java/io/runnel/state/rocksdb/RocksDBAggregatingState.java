package io.runnel.state.rocksdb;

import io.runnel.api.functions.AggregateFunction;
import io.runnel.api.state.AggregatingState;
import org.rocksdb.ColumnFamilyHandle;

/** One accumulator per key: read, add, write back. */
final class RocksDBAggregatingState<IN, ACC, OUT> extends SingleValueState implements AggregatingState<IN, OUT> {
    private final AggregateFunction<IN, ACC, OUT> aggregate;

    RocksDBAggregatingState(String name, ColumnFamilyHandle cf, StateContext ctx, TtlPolicy ttl, AggregateFunction<IN, ACC, OUT> aggregate) {
        super(name, cf, ctx, ttl);
        this.aggregate = aggregate;
    }

    @Override
    @SuppressWarnings("unchecked")
    public OUT get() {
        ACC acc = (ACC) readValue(true);
        return acc == null ? null : aggregate.getResult(acc);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void add(IN value) {
        ACC acc = (ACC) readValue(false);
        if (acc == null) acc = aggregate.createAccumulator();
        writeValue(aggregate.add(value, acc));
    }
}
