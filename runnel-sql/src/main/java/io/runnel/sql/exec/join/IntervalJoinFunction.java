package io.runnel.sql.exec.join;

import io.runnel.api.functions.CoProcessFunction;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.RuntimeContext;
import io.runnel.api.state.MapState;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.sql.data.Row;
import io.runnel.sql.exec.late.LateRows;
import io.runnel.sql.exec.CompiledCalc;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An event-time interval join of two insert-only inputs, keyed by the join key: a left row at {@code tl} and a right
 * row at {@code tr} match when {@code lower <= tl - tr <= upper} and the residual condition holds. Each side's rows
 * are buffered per key by their time until the watermark {@code W} makes them unable to match: a right row goes when
 * {@code W >= tr + upper}, a left one when {@code W >= tl - lower} (an event-time timer), and an outer side's row that
 * never matched is then emitted padded with nulls. A row at or behind the watermark when it arrives is late and goes
 * to the late rows ({@link LateRows}, its side's tag): so every other row meets all its partners, and the result is the batch join of the rows that are not
 * late. The result is insert-only. Rows can be behind the watermark by the bound on the kept side's time, so the join
 * reports its watermark as {@link WatermarkHold} markers (when {@code marks}).
 */
public final class IntervalJoinFunction extends CoProcessFunction<Row, Row, Row> {
    @Serial
    private static final long serialVersionUID = 1L;
    private final JoinKind kind;
    private final int leftArity;
    private final int rightArity;
    private final int leftTime;
    private final int rightTime;
    private final long lower;
    private final long upper;
    private final CompiledCalc residual;
    private final boolean marks;
    private transient MapState<Long, List<Buffered>> left;
    private transient MapState<Long, List<Buffered>> right;
    private transient long marked;
    private transient long late;

    /** A buffered row and whether it has matched (read for outer sides only). */
    record Buffered(Object[] fields, boolean matched) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /** {@code leftTime}, {@code rightTime}: the time attributes' columns in each side's rows; {@code residual} may be null. */
    public IntervalJoinFunction(JoinKind kind, int leftArity, int rightArity, int leftTime, int rightTime, long lower, long upper,
                                CompiledCalc residual, boolean marks) {
        this.kind = kind;
        this.leftArity = leftArity;
        this.rightArity = rightArity;
        this.leftTime = leftTime;
        this.rightTime = rightTime;
        this.lower = lower;
        this.upper = upper;
        this.residual = residual;
        this.marks = marks;
    }

    @Override
    public void open(RuntimeContext context) throws Exception {
        left = context.getMapState(new MapStateDescriptor<>("interval-join-left"));
        right = context.getMapState(new MapStateDescriptor<>("interval-join-right"));
        marked = Long.MIN_VALUE;
        if (residual != null) {
            residual.open(context);
        }
    }

    /** Rows this instance dropped as late since it opened. */
    public long lateRows() {
        return late;
    }

    @Override
    public void processElement1(Row row, Context ctx, Collector<Row> out) throws Exception {
        long tl = (Long) row.field(leftTime);
        // right rows that can match have tr in [tl - upper, tl - lower]; one buffered only while W < tl - lower
        process(row.fields(), tl, tl - upper, tl - lower, tl - lower, true, ctx, out);
    }

    @Override
    public void processElement2(Row row, Context ctx, Collector<Row> out) throws Exception {
        long tr = (Long) row.field(rightTime);
        process(row.fields(), tr, tr + lower, tr + upper, tr + upper, false, ctx, out);
    }

    private void process(Object[] fields, long time, long from, long to, long expires, boolean fromLeft, Context ctx,
                         Collector<Row> out) throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        mark(watermark, out);
        if (time <= watermark) {
            late++;
            ctx.output(fromLeft ? LateRows.TAG : LateRows.RIGHT_TAG, Row.insert(fields));
            return;
        }
        boolean matched = false;
        boolean otherOuter = fromLeft ? kind.keepsRight : kind.keepsLeft;
        MapState<Long, List<Buffered>> other = fromLeft ? right : left;
        List<Map.Entry<Long, List<Buffered>>> changed = new ArrayList<>();
        for (Map.Entry<Long, List<Buffered>> e : other.entries()) {
            if (e.getKey() < from || e.getKey() > to) {
                continue;
            }
            List<Buffered> rows = e.getValue();
            List<Buffered> updated = null;
            for (int i = 0; i < rows.size(); i++) {
                Buffered b = rows.get(i);
                Object[] joined = fromLeft ? concat(fields, b.fields()) : concat(b.fields(), fields);
                if (residual != null && !residual.test(joined)) {
                    continue;
                }
                out.collect(Row.insert(joined));
                matched = true;
                if (otherOuter && !b.matched()) {
                    // state values are never changed in place: a snapshot being written may still hold them
                    updated = updated == null ? new ArrayList<>(rows) : updated;
                    updated.set(i, new Buffered(b.fields(), true));
                }
            }
            if (updated != null) {
                changed.add(Map.entry(e.getKey(), updated));
            }
        }
        for (Map.Entry<Long, List<Buffered>> c : changed) {
            other.put(c.getKey(), c.getValue());
        }
        if (expires > watermark) {
            MapState<Long, List<Buffered>> mine = fromLeft ? left : right;
            List<Buffered> at = mine.get(time);
            List<Buffered> next = at == null ? new ArrayList<>(1) : new ArrayList<>(at);
            next.add(new Buffered(fields, matched));
            mine.put(time, next);
            ctx.timerService().registerEventTimeTimer(expires);
        } else if (!matched && (fromLeft ? kind.keepsLeft : kind.keepsRight)) {
            out.collect(Row.insert(padded(fields, fromLeft)));
        }
    }

    /** Rows expire: the left ones at {@code timestamp + lower}, the right ones at {@code timestamp - upper}. */
    @Override
    public void onTimer(long timestamp, Context ctx, Collector<Row> out) throws Exception {
        mark(timestamp, out); // timers fire in time order, before the watermark that made them due goes on
        expire(left, timestamp + lower, kind.keepsLeft, true, out);
        expire(right, timestamp - upper, kind.keepsRight, false, out);
    }

    private void expire(MapState<Long, List<Buffered>> side, long time, boolean outer, boolean isLeft, Collector<Row> out)
            throws Exception {
        List<Buffered> rows = side.get(time);
        if (rows == null) {
            return;
        }
        side.remove(time);
        if (outer) {
            for (Buffered b : rows) {
                if (!b.matched()) {
                    out.collect(Row.insert(padded(b.fields(), isLeft)));
                }
            }
        }
    }

    private void mark(long watermark, Collector<Row> out) {
        if (marks && watermark > marked) {
            marked = watermark;
            out.collect(WatermarkHold.marker(watermark));
        }
    }

    private Object[] concat(Object[] l, Object[] r) {
        return JoinedRows.concat(l, leftArity, r, rightArity);
    }

    private Object[] padded(Object[] fields, boolean isLeft) {
        return JoinedRows.padded(fields, isLeft, leftArity, rightArity);
    }
}
