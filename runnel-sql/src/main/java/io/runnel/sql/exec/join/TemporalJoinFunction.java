package io.runnel.sql.exec.join;

import io.runnel.api.functions.CoProcessFunction;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.RuntimeContext;
import io.runnel.api.state.MapState;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.api.time.TimestampAssigner;
import io.runnel.sql.data.Row;
import io.runnel.sql.exec.late.LateRows;
import io.runnel.sql.data.RowKind;
import io.runnel.sql.exec.CompiledCalc;
import java.io.Serial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An event-time temporal join against a versioned table, keyed by the table's primary key: the left rows wait per key
 * by their time until the watermark (the lower of both inputs') passes it, and each then meets the version valid at
 * its time, the latest at or before it; a LEFT join pads a row without one (before the key's first version, or after
 * its delete). The right input is the table's changes: an insert or update-after is the key's version from its time
 * on, a delete ends the row at its time (an upsert tombstone without a time, at its record's timestamp), an
 * update-before is ignored. A left row at or behind the watermark when it arrives is late and goes to the late rows
 * ({@link LateRows}), as its version may be gone. Once the watermark passes a time, the versions before the one valid then are dropped (no
 * waiting left row can need them), so a key keeps its versions newer than the watermark and one more. Each row is
 * emitted at its left time, before the watermark that released it: insert-only, with the left time attribute.
 */
public final class TemporalJoinFunction extends CoProcessFunction<Row, Row, Row> {
    @Serial
    private static final long serialVersionUID = 1L;
    /** The version of a deleted row (compared by length: state may have been serialized). */
    private static final Object[] DELETED = new Object[0];
    private final int leftArity;
    private final int rightArity;
    private final int leftTime;
    private final int rightTime;
    private final CompiledCalc joined;
    private final CompiledCalc padded;
    private transient MapState<Long, List<Object[]>> waiting;
    private transient MapState<Long, Object[]> versions;
    private transient long late;

    /**
     * {@code joined} filters and projects a left row followed by a version (the join's condition and SELECT),
     * {@code padded} projects a left row followed by nulls (a LEFT join; null for INNER).
     */
    public TemporalJoinFunction(int leftArity, int rightArity, int leftTime, int rightTime, CompiledCalc joined, CompiledCalc padded) {
        this.leftArity = leftArity;
        this.rightArity = rightArity;
        this.leftTime = leftTime;
        this.rightTime = rightTime;
        this.joined = joined;
        this.padded = padded;
    }

    /** A version's time: its time attribute, or the record's timestamp for a delete without one. */
    public static TimestampAssigner<Row> versionTime(int rowtime) {
        return (row, previous) -> row.field(rowtime) instanceof Long t ? t : previous;
    }

    @Override
    public void open(RuntimeContext context) throws Exception {
        waiting = context.getMapState(new MapStateDescriptor<>("temporal-join-left"));
        versions = context.getMapState(new MapStateDescriptor<>("temporal-join-versions"));
        joined.open(context);
        if (padded != null) {
            padded.open(context);
        }
    }

    /** Left rows this instance dropped as late since it opened. */
    public long lateRows() {
        return late;
    }

    @Override
    public void processElement1(Row row, Context ctx, Collector<Row> out) throws Exception {
        long time = (Long) row.field(leftTime);
        if (time <= ctx.timerService().currentWatermark()) {
            late++;
            ctx.output(LateRows.TAG, row);
            return;
        }
        List<Object[]> at = waiting.get(time);
        List<Object[]> next = at == null ? new ArrayList<>(1) : new ArrayList<>(at); // state values are not changed in place
        next.add(row.fields());
        waiting.put(time, next);
        ctx.timerService().registerEventTimeTimer(time);
    }

    @Override
    public void processElement2(Row row, Context ctx, Collector<Row> out) throws Exception {
        if (row.kind() == RowKind.UPDATE_BEFORE) {
            return; // the update-after that follows is the new version
        }
        long time = row.field(rightTime) instanceof Long t ? t : ctx.timestamp();
        if (time == Long.MIN_VALUE) {
            return; // a delete with no time at all: it cannot be placed among the versions
        }
        versions.put(time, row.kind().accumulates() ? row.fields() : DELETED);
        ctx.timerService().registerEventTimeTimer(time); // drops the versions this one replaces
    }

    /** The left rows at {@code time} meet their version; then the versions before the one valid at {@code time} go. */
    @Override
    public void onTimer(long time, Context ctx, Collector<Row> out) throws Exception {
        long valid = Long.MIN_VALUE;
        List<Long> older = new ArrayList<>();
        for (Map.Entry<Long, Object[]> e : versions.entries()) {
            long t = e.getKey();
            if (t <= time) {
                older.add(t);
                valid = Math.max(valid, t);
            }
        }
        Object[] version = valid == Long.MIN_VALUE ? DELETED : versions.get(valid);
        List<Object[]> rows = waiting.get(time);
        if (rows != null) {
            waiting.remove(time);
            for (Object[] l : rows) {
                emit(l, version, out);
            }
        }
        for (long t : older) {
            if (t != valid || version.length == 0) {
                versions.remove(t);
            }
        }
    }

    private void emit(Object[] left, Object[] version, Collector<Row> out) throws Exception {
        Object[] both = Arrays.copyOf(left, leftArity + rightArity);
        if (version.length > 0) {
            System.arraycopy(version, 0, both, leftArity, rightArity);
            if (joined.test(both)) {
                out.collect(Row.insert(joined.project(both)));
                return;
            }
        }
        if (padded != null) {
            Arrays.fill(both, leftArity, both.length, null);
            out.collect(Row.insert(padded.project(both)));
        }
    }
}
