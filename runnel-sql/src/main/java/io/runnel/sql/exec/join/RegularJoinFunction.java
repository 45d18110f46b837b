package io.runnel.sql.exec.join;

import io.runnel.sql.data.RowFields;
import io.runnel.api.functions.CoProcessFunction;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.RuntimeContext;
import io.runnel.api.state.MapState;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.api.state.StateTtlConfig;
import io.runnel.sql.data.Row;
import io.runnel.sql.data.RowKind;
import io.runnel.sql.exec.CompiledCalc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A regular (unbounded) equi-join, keyed by the join key: each side's rows are kept as a multiset per key (row ->
 * copies and matches), a row arriving on one side is joined with every row of the other side that passes the residual
 * condition. Additions emit INSERT rows, removals (UPDATE_BEFORE, DELETE) DELETE rows. An outer side's row without a
 * match is emitted padded with nulls, and that padded row is retracted when its first match arrives (and emitted again
 * when its last match goes). State per key grows with the rows of the key, as in Flink; a TTL bounds it.
 */
public final class RegularJoinFunction extends CoProcessFunction<Row, Row, Row> {
    private static final long serialVersionUID = 1L;
    private final JoinKind kind;
    private final int leftArity;
    private final int rightArity;
    private final CompiledCalc residual;
    private final StateTtlConfig ttl;
    private int leftWindowEnd = -1;
    private int rightWindowEnd = -1;
    private boolean appendOnly;
    private transient io.runnel.api.state.ListState<Object[]> leftRows;
    private transient io.runnel.api.state.ListState<Object[]> rightRows;
    private transient MapState<RowFields, JoinRecord> left;
    private transient MapState<RowFields, JoinRecord> right;

    /** {@code residual}: the non-equi part of the condition over the joined row (left fields then right), or null. */
    public RegularJoinFunction(JoinKind kind, int leftArity, int rightArity, CompiledCalc residual, StateTtlConfig ttl) {
        this.kind = kind;
        this.leftArity = leftArity;
        this.rightArity = rightArity;
        this.residual = residual;
        this.ttl = ttl;
    }

    /**
     * A window join: the join key holds the window's end, at column {@code leftEnd} of the left rows and
     * {@code rightEnd} of the right ones; the key's state is dropped when the watermark passes the window, both sides'
     * rows of it having arrived by then.
     */
    public RegularJoinFunction cleanUpAtWindowEnd(int leftEnd, int rightEnd) {
        this.leftWindowEnd = leftEnd;
        this.rightWindowEnd = rightEnd;
        return this;
    }

    /**
     * An inner join of two insert-only inputs: nothing is ever retracted and no side is padded, so each side keeps
     * a plain list of rows per key (one append per row) instead of a multiset with match counts.
     */
    public RegularJoinFunction appendOnly() {
        this.appendOnly = true;
        return this;
    }

    @Override
    public void onTimer(long timestamp, Context ctx, Collector<Row> out) {
        if (appendOnly) {
            leftRows.clear();
            rightRows.clear();
            return;
        }
        left.clear();
        right.clear();
    }

    @Override
    public void open(RuntimeContext context) throws Exception {
        if (appendOnly) {
            leftRows = context.getListState(listDescriptor("join-left-rows"));
            rightRows = context.getListState(listDescriptor("join-right-rows"));
        } else {
            left = context.getMapState(descriptor("join-left"));
            right = context.getMapState(descriptor("join-right"));
        }
        if (residual != null) {
            residual.open(context);
        }
    }

    private io.runnel.api.state.ListStateDescriptor<Object[]> listDescriptor(String name) {
        io.runnel.api.state.ListStateDescriptor<Object[]> d = new io.runnel.api.state.ListStateDescriptor<>(name);
        if (ttl.enabled()) {
            d.enableTimeToLive(ttl);
        }
        return d;
    }

    private MapStateDescriptor<RowFields, JoinRecord> descriptor(String name) {
        MapStateDescriptor<RowFields, JoinRecord> d = new MapStateDescriptor<>(name);
        if (ttl.enabled()) {
            d.enableTimeToLive(ttl);
        }
        return d;
    }

    @Override
    public void processElement1(Row row, Context ctx, Collector<Row> out) throws Exception {
        if (leftWindowEnd >= 0) {
            ctx.timerService().registerEventTimeTimer((Long) row.field(leftWindowEnd) - 1);
        }
        process(row, true, out);
    }

    @Override
    public void processElement2(Row row, Context ctx, Collector<Row> out) throws Exception {
        if (rightWindowEnd >= 0) {
            ctx.timerService().registerEventTimeTimer((Long) row.field(rightWindowEnd) - 1);
        }
        process(row, false, out);
    }

    private void process(Row row, boolean fromLeft, Collector<Row> out) throws Exception {
        if (appendOnly) {
            Object[] fields = row.fields();
            for (Object[] o : (fromLeft ? rightRows : leftRows).get()) {
                Object[] joined = fromLeft ? concat(fields, o) : concat(o, fields);
                if (residual == null || residual.test(joined)) {
                    out.collect(new Row(RowKind.INSERT, joined));
                }
            }
            (fromLeft ? leftRows : rightRows).add(fields);
            return;
        }
        MapState<RowFields, JoinRecord> mine = fromLeft ? left : right;
        MapState<RowFields, JoinRecord> other = fromLeft ? right : left;
        boolean keepsMine = fromLeft ? kind.keepsLeft : kind.keepsRight;
        boolean keepsOther = fromLeft ? kind.keepsRight : kind.keepsLeft;
        boolean adds = row.kind().accumulates();
        Object[] fields = row.fields();
        long matches = 0;
        // State values are never changed in place: a snapshot being written may still hold them.
        List<Map.Entry<RowFields, JoinRecord>> updates = new ArrayList<>();
        for (Map.Entry<RowFields, JoinRecord> e : other.entries()) {
            Object[] joined = fromLeft ? concat(fields, e.getKey().values()) : concat(e.getKey().values(), fields);
            if (residual != null && !residual.test(joined)) {
                continue;
            }
            matches++;
            JoinRecord o = e.getValue();
            if (adds && keepsOther && o.matches() == 0) {
                emit(out, RowKind.DELETE, padded(e.getKey().values(), !fromLeft), o.count());
            }
            emit(out, adds ? RowKind.INSERT : RowKind.DELETE, joined, o.count());
            JoinRecord changed = new JoinRecord(o.count(), o.matches() + (adds ? 1 : -1));
            if (!adds && keepsOther && changed.matches() == 0) {
                emit(out, RowKind.INSERT, padded(e.getKey().values(), !fromLeft), o.count());
            }
            if (keepsOther) {
                updates.add(Map.entry(e.getKey(), changed));
            }
        }
        for (Map.Entry<RowFields, JoinRecord> u : updates) {
            other.put(u.getKey(), u.getValue());
        }
        RowFields key = new RowFields(fields);
        JoinRecord rec = mine.get(key);
        if (adds) {
            mine.put(key, new JoinRecord(rec == null ? 1 : rec.count() + 1, matches));
        } else {
            if (rec == null) {
                return; // a removal of a row this side never held (expired by its TTL): nothing joined it
            }
            if (rec.count() == 1) {
                mine.remove(key);
            } else {
                mine.put(key, new JoinRecord(rec.count() - 1, rec.matches()));
            }
        }
        if (keepsMine && matches == 0) {
            emit(out, adds ? RowKind.INSERT : RowKind.DELETE, padded(fields, fromLeft), 1);
        }
    }

    private Object[] concat(Object[] l, Object[] r) {
        return JoinedRows.concat(l, leftArity, r, rightArity);
    }

    private Object[] padded(Object[] fields, boolean isLeft) {
        return JoinedRows.padded(fields, isLeft, leftArity, rightArity);
    }

    private static void emit(Collector<Row> out, RowKind kind, Object[] fields, long copies) {
        for (long i = 0; i < copies; i++) {
            out.collect(new Row(kind, i == 0 ? fields : fields.clone()));
        }
    }
}
