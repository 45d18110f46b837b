package io.runnel.sql.exec;

import io.runnel.api.functions.Collector;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.functions.RuntimeContext;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.sql.data.Row;
import io.runnel.sql.data.RowKind;

/**
 * A non-windowed GROUP BY over an insert-only input, as a changelog: a key's first row is an
 * INSERT, each later one an UPDATE_BEFORE of the previous result and an UPDATE_AFTER of the new
 * one (nothing when the result did not change). The accumulator is the key's state.
 */
public final class GroupAggregateFunction extends KeyedProcessFunction<GroupKey, Row, Row> {
    private static final long serialVersionUID = 1L;
    private final SqlAggregate aggregate;
    private transient ValueState<SqlAggregate.Acc> state;

    public GroupAggregateFunction(SqlAggregate aggregate) {
        this.aggregate = aggregate;
    }

    @Override
    public void open(RuntimeContext context) {
        state = context.getState(new ValueStateDescriptor<>("group-aggregate"));
    }

    @Override
    public void processElement(Row row, Context ctx, Collector<Row> out) {
        if (!row.kind().accumulates() || row.kind() == RowKind.UPDATE_AFTER) {
            throw new IllegalStateException("GROUP BY takes only insert rows yet, got " + row);
        }
        GroupKey key = ctx.getCurrentKey();
        SqlAggregate.Acc acc = state.value();
        Row before = acc == null ? null : result(RowKind.UPDATE_BEFORE, key, acc);
        if (acc == null) {
            acc = aggregate.createAccumulator();
        }
        acc = aggregate.add(row, acc);
        state.update(acc);
        Row after = result(before == null ? RowKind.INSERT : RowKind.UPDATE_AFTER, key, acc);
        if (before != null) {
            if (java.util.Arrays.deepEquals(before.fields(), after.fields())) {
                return;
            }
            out.collect(before);
        }
        out.collect(after);
    }

    private Row result(RowKind kind, GroupKey key, SqlAggregate.Acc acc) {
        int k = key.values().size();
        Object[] f = new Object[k + aggregate.arity()];
        for (int i = 0; i < k; i++) {
            f[i] = key.values().get(i);
        }
        for (int i = 0; i < aggregate.arity(); i++) {
            f[k + i] = aggregate.result(acc, i);
        }
        return new Row(kind, f);
    }
}
