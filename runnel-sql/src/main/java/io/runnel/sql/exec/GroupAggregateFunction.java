package io.runnel.sql.exec;

import io.runnel.api.functions.Collector;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.functions.RuntimeContext;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.sql.data.Row;
import io.runnel.sql.data.RowKind;
import java.util.Arrays;

/**
 * A non-windowed GROUP BY as a changelog: a key's first row is an INSERT, each later change an UPDATE_BEFORE of the
 * previous result and an UPDATE_AFTER of the new one (nothing when the result did not change). Over an updating input
 * UPDATE_BEFORE and DELETE rows are removed from the group; a group left without rows is a DELETE of its last result
 * (the one group of a GROUP BY without keys stays, as in batch). The accumulator is the key's value state, the counts
 * per value of DISTINCT and retracting MIN/MAX calls its map state.
 */
public final class GroupAggregateFunction extends KeyedProcessFunction<GroupKey, Row, Row> {
    private static final long serialVersionUID = 1L;
    private final SqlAggregate aggregate;
    private transient ValueState<SqlAggregate.Acc> state;
    private transient StateValueCounts counts;

    private final io.runnel.api.state.StateTtlConfig ttl;

    public GroupAggregateFunction(SqlAggregate aggregate) {
        this(aggregate, io.runnel.api.state.StateTtlConfig.DISABLED);
    }

    /** {@code ttl}: a group idle that long loses its state and starts again (Flink's table.exec.state.ttl). */
    public GroupAggregateFunction(SqlAggregate aggregate, io.runnel.api.state.StateTtlConfig ttl) {
        this.aggregate = aggregate;
        this.ttl = ttl;
    }

    @Override
    public void open(RuntimeContext context) {
        ValueStateDescriptor<SqlAggregate.Acc> d = new ValueStateDescriptor<>("group-aggregate");
        if (ttl.enabled()) {
            d.enableTimeToLive(ttl);
        }
        state = context.getState(d);
        counts = new StateValueCounts(context, aggregate.countedCalls(), ttl);
    }

    @Override
    public void processElement(Row row, Context ctx, Collector<Row> out) {
        boolean retract = !row.kind().accumulates();
        if (retract && !aggregate.retracting()) {
            throw new IllegalStateException("GROUP BY planned for an insert-only input got " + row);
        }
        GroupKey key = ctx.getCurrentKey();
        SqlAggregate.Acc acc = state.value();
        if (acc == null && retract) {
            return; // nothing to remove: the group's state is gone
        }
        Row before = acc == null ? null : result(RowKind.UPDATE_BEFORE, key, acc);
        if (acc == null) {
            acc = aggregate.createAccumulator(false);
        }
        aggregate.accumulate(row, acc, retract, counts);
        if (acc.rows() <= 0 && key.size() > 0) {
            state.clear();
            counts.clear();
            before.kind(RowKind.DELETE);
            out.collect(before);
            return;
        }
        state.update(acc);
        Row after = result(before == null ? RowKind.INSERT : RowKind.UPDATE_AFTER, key, acc);
        if (before != null) {
            if (Arrays.deepEquals(before.fields(), after.fields())) {
                return;
            }
            out.collect(before);
        }
        out.collect(after);
    }

    private Row result(RowKind kind, GroupKey key, SqlAggregate.Acc acc) {
        int k = key.size();
        Object[] f = new Object[k + aggregate.arity()];
        for (int i = 0; i < k; i++) {
            f[i] = key.value(i);
        }
        for (int i = 0; i < aggregate.arity(); i++) {
            f[k + i] = aggregate.result(acc, i);
        }
        return new Row(kind, f);
    }
}
