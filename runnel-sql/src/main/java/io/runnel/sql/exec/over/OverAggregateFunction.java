package io.runnel.sql.exec.over;

import io.runnel.api.functions.Collector;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.functions.RuntimeContext;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.sql.data.Row;
import io.runnel.sql.exec.GroupKey;
import io.runnel.sql.exec.late.LateRows;
import io.runnel.sql.exec.SqlAggregate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code agg(...) OVER (PARTITION BY k ORDER BY rowtime <frame>)} on event time, as Flink's over aggregate: a row
 * waits until the watermark passes its time, then rows are taken in time order (rows of one time together, in
 * arrival order) and each is emitted with the aggregates of its frame appended. An unbounded frame keeps one running
 * accumulator; a bounded one keeps the frame's rows and aggregates them again per row (frames are short: n rows or
 * an interval). A row at or behind the watermark when it arrives is late and goes to the late rows
 * ({@link LateRows}; Flink drops it).
 */
public final class OverAggregateFunction extends KeyedProcessFunction<GroupKey, Row, Row> {
    private static final long serialVersionUID = 1L;
    private final SqlAggregate aggregate;
    private final OverFrame frame;
    private final int rowtime;
    private transient io.runnel.sql.exec.RowsByTime pending;
    private transient ValueState<ArrayList<Object[]>> recent;
    private transient ValueState<SqlAggregate.Acc> running;

    public OverAggregateFunction(SqlAggregate aggregate, OverFrame frame, int rowtime) {
        this.aggregate = aggregate;
        this.frame = frame;
        this.rowtime = rowtime;
    }

    @Override
    public void open(RuntimeContext context) {
        pending = new io.runnel.sql.exec.RowsByTime(context, "over-pending");
        recent = context.getState(new ValueStateDescriptor<>("over-frame"));
        running = context.getState(new ValueStateDescriptor<>("over-running"));
    }

    @Override
    public void processElement(Row row, Context ctx, Collector<Row> out) throws Exception {
        pending.offer(row, rowtime, ctx);
    }

    @Override
    public void onTimer(long ts, OnTimerContext ctx, Collector<Row> out) throws Exception {
        ArrayList<Object[]> rows = pending.take(ts);
        if (rows == null) {
            return;
        }
        if (frame.unbounded()) {
            SqlAggregate.Acc acc = running.value();
            acc = acc == null ? aggregate.createAccumulator() : acc.copyState();
            if (frame.isRows()) {
                for (Object[] f : rows) {
                    acc = aggregate.add(Row.insert(f), acc);
                    emit(f, acc, out);
                }
            } else {
                for (Object[] f : rows) {
                    acc = aggregate.add(Row.insert(f), acc);
                }
                for (Object[] f : rows) {
                    emit(f, acc, out);
                }
            }
            running.update(acc);
            return;
        }
        ArrayList<Object[]> before = recent.value();
        ArrayList<Object[]> window = before == null ? new ArrayList<>() : new ArrayList<>(before);
        if (frame.isRows()) {
            for (Object[] f : rows) {
                window.add(f);
                while (window.size() > frame.rows() + 1) {
                    window.remove(0);
                }
                emit(f, over(window), out);
            }
        } else {
            window.addAll(rows);
            window.removeIf(f -> (Long) f[rowtime] < ts - frame.rangeMillis());
            SqlAggregate.Acc acc = over(window);
            for (Object[] f : rows) {
                emit(f, acc, out);
            }
        }
        recent.update(window);
    }

    private SqlAggregate.Acc over(List<Object[]> window) {
        SqlAggregate.Acc acc = aggregate.createAccumulator();
        for (Object[] f : window) {
            acc = aggregate.add(Row.insert(f), acc);
        }
        return acc;
    }

    private void emit(Object[] f, SqlAggregate.Acc acc, Collector<Row> out) {
        Object[] o = Arrays.copyOf(f, f.length + aggregate.arity());
        for (int i = 0; i < aggregate.arity(); i++) {
            o[f.length + i] = aggregate.result(acc, i);
        }
        out.collect(Row.insert(o));
    }
}
