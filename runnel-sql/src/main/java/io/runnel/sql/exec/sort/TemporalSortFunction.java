package io.runnel.sql.exec.sort;

import io.runnel.api.functions.Collector;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.functions.RuntimeContext;
import io.runnel.sql.data.Row;
import io.runnel.sql.exec.GroupKey;
import io.runnel.sql.exec.late.LateRows;
import io.runnel.sql.exec.rank.RowOrder;
import java.util.ArrayList;

/**
 * {@code ORDER BY rowtime [, c ...]} on a stream, as Flink's temporal sort: rows wait until the watermark passes their
 * time, then those of one time are emitted sorted by the other ORDER BY columns (ties in arrival order), so the output
 * is in event-time order. A row at or behind the watermark when it arrives can no longer be put in order: it is late
 * and goes to the late rows ({@link LateRows}; Flink drops it).
 */
public final class TemporalSortFunction extends KeyedProcessFunction<GroupKey, Row, Row> {
    private static final long serialVersionUID = 1L;
    private final int rowtime;
    private final RowOrder thenBy;
    private transient io.runnel.sql.exec.RowsByTime pending;

    /** {@code thenBy}: the ORDER BY columns after the time attribute (none: arrival order). */
    public TemporalSortFunction(int rowtime, RowOrder thenBy) {
        this.rowtime = rowtime;
        this.thenBy = thenBy;
    }

    @Override
    public void open(RuntimeContext context) {
        pending = new io.runnel.sql.exec.RowsByTime(context, "sort-pending");
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
        ArrayList<Object[]> sorted = new ArrayList<>(rows); // a snapshot being written may still hold the state's list
        sorted.sort(thenBy); // stable: ties keep arrival order
        for (Object[] f : sorted) {
            out.collect(Row.insert(f));
        }
    }
}
