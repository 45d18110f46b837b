package io.runnel.sql.exec.over;

import io.runnel.api.functions.Collector;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.functions.RuntimeContext;
import io.runnel.api.state.StateTtlConfig;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.sql.data.Row;
import io.runnel.sql.data.RowKind;
import io.runnel.sql.exec.GroupKey;
import io.runnel.sql.exec.SqlAggregate;
import io.runnel.sql.exec.rank.RowOrder;
import java.util.ArrayList;
import java.util.Arrays;

/**
 * {@code agg(...) OVER (PARTITION BY k ORDER BY c <frame>)} over any input, updating or not, ordered by any columns
 * (Flink's over aggregate takes only insert-only input ordered by a time attribute; Nexmark q6 needs this one). Per
 * partition the rows are kept sorted by the ORDER BY (ties in arrival order), each with the aggregates last emitted
 * for it. An added row is emitted with its frame's aggregates; a removed one is deleted as it was last emitted; and
 * every row whose frame held the changed position and whose aggregates therefore changed is updated (UPDATE_BEFORE as
 * emitted, UPDATE_AFTER as now). For {@code ROWS n PRECEDING} that is at most the n rows after the change, for
 * {@code RANGE d PRECEDING} the rows ordered within d after it (and its peers), for UNBOUNDED PRECEDING every row
 * after it. Keeping what was emitted makes every retraction match its earlier row exactly, whatever floating-point
 * sums would give if recomputed. The partition's rows are kept until they are retracted (or expire under state TTL).
 */
public final class UpdatingOverFunction extends KeyedProcessFunction<GroupKey, Row, Row> {
    private static final long serialVersionUID = 1L;
    private final SqlAggregate aggregate;
    private final OverFrame frame;
    private final RowOrder order;
    private final int rangeColumn;
    private final StateTtlConfig ttl;
    private transient ValueState<ArrayList<Object[]>> rows;
    private transient boolean nullsFirst;

    /**
     * {@code rangeColumn} is the single ascending ORDER BY column of a RANGE frame (values compared as longs: a
     * timestamp's epoch milliseconds or an integer); ignored for ROWS frames.
     */
    public UpdatingOverFunction(SqlAggregate aggregate, OverFrame frame, RowOrder order, int rangeColumn, StateTtlConfig ttl) {
        this.aggregate = aggregate;
        this.frame = frame;
        this.order = order;
        this.rangeColumn = rangeColumn;
        this.ttl = ttl;
    }

    @Override
    public void open(RuntimeContext context) {
        ValueStateDescriptor<ArrayList<Object[]>> d = new ValueStateDescriptor<>("over-sorted");
        if (ttl.enabled()) {
            d.enableTimeToLive(ttl);
        }
        rows = context.getState(d);
        if (rangeColumn >= 0) {
            Object[] nullKey = new Object[rangeColumn + 1];
            Object[] zeroKey = new Object[rangeColumn + 1];
            zeroKey[rangeColumn] = 0L;
            nullsFirst = order.compare(nullKey, zeroKey) < 0;
        }
    }

    @Override
    public void processElement(Row row, Context ctx, Collector<Row> out) throws Exception {
        ArrayList<Object[]> before = rows.value();
        ArrayList<Object[]> list = before == null ? new ArrayList<>() : new ArrayList<>(before);
        Object[] f = row.fields();
        int from;
        int to;
        if (row.kind().accumulates()) {
            int p = upperBound(list, f);
            list.add(p, f); // aggregated below, before anything reads its outputs
            Object[] added = withAggregates(list, p, f);
            list.set(p, added);
            out.collect(new Row(RowKind.INSERT, added));
            from = frame.isRows() ? p + 1 : firstPeer(list, p, added); // a RANGE row's peers before it see it too
            to = affectedEnd(list, p + 1, added);
        } else {
            int p = find(list, f);
            if (p < 0) {
                return; // never held, or expired: nothing changes
            }
            Object[] gone = list.remove(p);
            out.collect(new Row(RowKind.DELETE, gone));
            from = frame.isRows() ? p : firstPeer(list, p, gone);
            to = affectedEnd(list, p, gone);
        }
        refresh(list, from, to, f.length, out);
        if (list.isEmpty()) {
            rows.clear();
        } else {
            rows.update(list);
        }
    }

    /** Recomputes the aggregates of rows [from, to) and emits the rows whose aggregates changed. */
    private void refresh(ArrayList<Object[]> list, int from, int to, int width, Collector<Row> out) {
        Running running = new Running();
        for (int i = from; i < to; i++) {
            Object[] held = list.get(i);
            Object[] now = frame.unbounded() ? running.upTo(list, frameEnd(list, i), held, width)
                    : withAggregates(list, i, Arrays.copyOf(held, width));
            if (!Arrays.deepEquals(now, held)) {
                out.collect(new Row(RowKind.UPDATE_BEFORE, held));
                out.collect(new Row(RowKind.UPDATE_AFTER, now));
                list.set(i, now);
            }
        }
    }

    /** An UNBOUNDED PRECEDING frame: one accumulator over rows [0, added), extended as later rows need. */
    private final class Running {
        private SqlAggregate.Acc acc;
        private int added;

        Object[] upTo(ArrayList<Object[]> list, int end, Object[] held, int width) {
            if (acc == null) {
                acc = aggregate.createAccumulator();
            }
            for (; added <= end; added++) {
                acc = aggregate.add(Row.insert(list.get(added)), acc);
            }
            return appended(Arrays.copyOf(held, width), acc);
        }
    }

    /** Row {@code i}'s input fields {@code f} with its frame's aggregates appended. */
    private Object[] withAggregates(ArrayList<Object[]> list, int i, Object[] f) {
        SqlAggregate.Acc acc = aggregate.createAccumulator();
        for (int j = frameStart(list, i), end = frameEnd(list, i); j <= end; j++) {
            acc = aggregate.add(Row.insert(list.get(j)), acc);
        }
        return appended(f, acc);
    }

    private Object[] appended(Object[] f, SqlAggregate.Acc acc) {
        Object[] o = Arrays.copyOf(f, f.length + aggregate.arity());
        for (int i = 0; i < aggregate.arity(); i++) {
            o[f.length + i] = aggregate.result(acc, i);
        }
        return o;
    }

    private int frameStart(ArrayList<Object[]> list, int i) {
        if (frame.unbounded()) {
            return 0;
        }
        if (frame.isRows()) {
            return (int) Math.max(0, i - frame.rows());
        }
        Long k = peersOnly() ? null : key(list.get(i));
        return k == null ? firstPeer(list, i, list.get(i)) : lowerBoundKey(list, k - frame.rangeMillis());
    }

    private int frameEnd(ArrayList<Object[]> list, int i) {
        if (frame.isRows()) {
            return i;
        }
        int end = i;
        while (end + 1 < list.size() && order.compare(list.get(end + 1), list.get(i)) == 0) {
            end++; // a RANGE frame takes the current row's peers
        }
        return end;
    }

    /**
     * Exclusive end of the rows from {@code from} (the first after the changed row's place) whose frames hold the
     * changed row's place.
     */
    private int affectedEnd(ArrayList<Object[]> list, int from, Object[] changed) {
        if (frame.unbounded()) {
            return list.size();
        }
        if (frame.isRows()) {
            return (int) Math.min(list.size(), from + frame.rows());
        }
        Long k = peersOnly() ? null : key(changed);
        if (k == null) {
            int end = from;
            while (end < list.size() && order.compare(list.get(end), changed) == 0) {
                end++;
            }
            return end;
        }
        return lowerBoundKey(list, k + frame.rangeMillis() + 1);
    }

    /** A RANGE frame of the current row's peers alone ({@code RANGE BETWEEN CURRENT ROW AND CURRENT ROW}). */
    private boolean peersOnly() {
        return frame.rangeMillis() == 0;
    }

    private Long key(Object[] f) {
        Object v = f[rangeColumn];
        return v == null ? null : ((Number) v).longValue();
    }

    /** The first row whose RANGE key is at least {@code k} (null keys sort as the order says). */
    private int lowerBoundKey(ArrayList<Object[]> list, Long k) {
        int lo = 0;
        int hi = list.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keyCompare(key(list.get(mid)), k) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int keyCompare(Long a, Long b) {
        if (a == null || b == null) {
            return a == b ? 0 : (a == null) == nullsFirst ? -1 : 1;
        }
        return Long.compare(a, b);
    }

    /** The first position of {@code f}'s peers ordered before position {@code i}. */
    private int firstPeer(ArrayList<Object[]> list, int i, Object[] f) {
        int at = i;
        while (at > 0 && order.compare(list.get(at - 1), f) == 0) {
            at--;
        }
        return at;
    }

    /** Where a new row goes: after every row ordered at or before it (ties keep arrival order). */
    private int upperBound(ArrayList<Object[]> list, Object[] f) {
        int lo = 0;
        int hi = list.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (order.compare(list.get(mid), f) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The position of a held row whose input fields equal {@code f}, or -1. */
    private int find(ArrayList<Object[]> list, Object[] f) {
        int lo = 0;
        int hi = list.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (order.compare(list.get(mid), f) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int i = lo; i < list.size() && order.compare(list.get(i), f) == 0; i++) {
            if (Arrays.deepEquals(Arrays.copyOf(list.get(i), f.length), f)) {
                return i;
            }
        }
        return -1;
    }
}
