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
