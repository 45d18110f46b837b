package io.runnel.sql.exec;

import io.runnel.api.functions.RuntimeContext;
import io.runnel.api.state.MapState;
import io.runnel.api.state.MapStateDescriptor;
import java.util.ArrayList;

/**
 * Rows waiting, per key, until the watermark passes their time (event-time OVER, temporal sort): keyed map state from
 * a time to the rows of that time in arrival order. A state value is never changed in place (a snapshot being
 * written may still hold it): adding a row stores a new list.
 */
public final class RowsByTime {
    private final MapState<Long, ArrayList<Object[]>> pending;

    public RowsByTime(RuntimeContext context, String name) {
        this.pending = context.getMapState(new MapStateDescriptor<>(name));
    }

    /**
     * Takes {@code row} to wait for the watermark to pass its time (column {@code rowtime}), with a timer then; a row
     * at or behind the watermark is late and goes to the late rows instead; a row without a time has no place in
     * time order and is dropped, as in Flink.
     */
    public void offer(io.runnel.sql.data.Row row, int rowtime, io.runnel.api.functions.KeyedProcessFunction<?, ?, ?>.Context ctx)
            throws Exception {
        Object t = row.field(rowtime);
        if (t == null) {
            return;
        }
        long ts = (Long) t;
        if (ts <= ctx.timerService().currentWatermark()) {
            ctx.output(io.runnel.sql.exec.late.LateRows.TAG, row);
            return;
        }
        add(ts, row.fields());
        ctx.timerService().registerEventTimeTimer(ts);
    }

    public void add(long time, Object[] fields) throws Exception {
        ArrayList<Object[]> at = pending.get(time);
        ArrayList<Object[]> rows = at == null ? new ArrayList<>(2) : new ArrayList<>(at);
        rows.add(fields);
        pending.put(time, rows);
    }

    /** The rows of {@code time}, removed; null when there are none. */
    public ArrayList<Object[]> take(long time) throws Exception {
        ArrayList<Object[]> rows = pending.get(time);
        if (rows != null) {
            pending.remove(time);
        }
        return rows;
    }
}
