package io.runnel.sql.exec.rank;

import io.runnel.api.functions.Collector;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.functions.RuntimeContext;
import io.runnel.api.state.StateTtlConfig;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.sql.data.Row;
import io.runnel.sql.data.RowKind;
import io.runnel.sql.exec.GroupKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * ROW_NUMBER() OVER (PARTITION BY key ORDER BY ...) <= N as Flink's Rank: per key the rows in order (ties keep their
 * arrival order), the first N emitted. Over an insert-only input only the first N rows are kept (a row past them can
 * never come back); over an updating one every row, since a retraction lets the next one in. Each change emits the
 * difference between the top N before and after: with the row number in the output, every row whose position
 * changed is retracted and emitted at its new number; without it, only the rows that left or entered.
 */
public final class TopNFunction extends KeyedProcessFunction<GroupKey, Row, Row> {
    private static final long serialVersionUID = 1L;
    private final RowOrder order;
    private final long n;
    private final boolean keepAll;
    private final boolean withRowNumber;
    private final StateTtlConfig ttl;
    private int windowEnd = -1;
    private transient ValueState<ArrayList<Object[]>> rows;

    public TopNFunction(RowOrder order, long n, boolean updatingInput, boolean withRowNumber, StateTtlConfig ttl) {
        this.order = order;
        this.n = n;
        this.keepAll = updatingInput;
        this.withRowNumber = withRowNumber;
        this.ttl = ttl;
    }

    /**
     * Window Top-N: the partition holds a window (its end at column {@code end} of the rows, which come from a window
     * aggregation or table function and are insert-only): nothing is emitted until the watermark passes the window,
     * then its first N rows as inserts, and the window's state goes.
     */
    public TopNFunction perWindow(int end) {
        this.windowEnd = end;
        return this;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
        ArrayList<Object[]> top = rows.value();
        if (top != null) {
            for (int i = 0; i < top.size() && i < n; i++) {
                out.collect(new Row(RowKind.INSERT, numbered(top.get(i), withRowNumber ? i + 1 : 0)));
            }
        }
        rows.clear();
    }

    @Override
    public void open(RuntimeContext context) {
        ValueStateDescriptor<ArrayList<Object[]>> d = new ValueStateDescriptor<>("top-n");
        if (ttl.enabled()) {
            d.enableTimeToLive(ttl);
        }
        rows = context.getState(d);
    }

    @Override
    public void processElement(Row row, Context ctx, Collector<Row> out) throws Exception {
        ArrayList<Object[]> before = rows.value();
        ArrayList<Object[]> after = before == null ? new ArrayList<>() : new ArrayList<>(before);
        Object[] f = row.fields();
        if (row.kind().accumulates()) {
            int at = after.size();
            while (at > 0 && order.compare(after.get(at - 1), f) > 0) {
                at--;
            }
            if (at >= n && !keepAll) {
                return; // past the first N of an insert-only input: it can never rank
            }
            after.add(at, f);
            if (!keepAll && after.size() > n) {
                after.remove(after.size() - 1);
            }
        } else if (!removeEqual(after, f)) {
            return; // not held (never ranked, or expired): nothing changes
        }
        if (after.isEmpty()) {
            rows.clear();
        } else {
            rows.update(after);
        }
        if (windowEnd >= 0) {
            ctx.timerService().registerEventTimeTimer((Long) f[windowEnd] - 1);
            return;
        }
        emitDifference(before == null ? List.of() : before, after, out);
    }

    private static boolean removeEqual(List<Object[]> list, Object[] f) {
        for (int i = 0; i < list.size(); i++) {
            if (Arrays.deepEquals(list.get(i), f)) {
                list.remove(i);
                return true;
            }
        }
        return false;
    }

    private void emitDifference(List<Object[]> before, List<Object[]> after, Collector<Row> out) {
        int top = (int) Math.min(n, Math.max(before.size(), after.size()));
        if (withRowNumber) {
            for (int i = 0; i < top; i++) {
                Object[] b = i < before.size() ? before.get(i) : null;
                Object[] a = i < after.size() ? after.get(i) : null;
                if (b == a) {
                    continue; // the same row object at the same number
                }
                if (b != null) {
                    out.collect(new Row(RowKind.DELETE, numbered(b, i + 1)));
                }
                if (a != null) {
                    out.collect(new Row(RowKind.INSERT, numbered(a, i + 1)));
                }
            }
            return;
        }
        List<Object[]> oldTop = before.subList(0, Math.min(before.size(), top));
        List<Object[]> newTop = after.subList(0, Math.min(after.size(), top));
        for (Object[] b : oldTop) {
            if (!containsSame(newTop, b)) {
                out.collect(new Row(RowKind.DELETE, numbered(b, 0)));
            }
        }
        for (Object[] a : newTop) {
            if (!containsSame(oldTop, a)) {
                out.collect(new Row(RowKind.INSERT, numbered(a, 0)));
            }
        }
    }

    private static boolean containsSame(List<Object[]> list, Object[] row) {
        for (Object[] r : list) {
            if (r == row) {
                return true;
            }
        }
        return false;
    }

    /** The row with its row number appended ({@code rn} 0: not in the output, null). */
    private static Object[] numbered(Object[] f, long rn) {
        Object[] o = Arrays.copyOf(f, f.length + 1);
        o[f.length] = rn == 0 ? null : rn;
        return o;
    }
}
