package io.runnel.sql.exec;

import io.runnel.api.functions.Collector;
import io.runnel.api.windowing.ProcessWindowFunction;
import io.runnel.api.windowing.TimeWindow;
import io.runnel.sql.data.Row;

/**
 * Emits one window's aggregate as a row in the Aggregate's order: each grouping column (a key
 * value, window_start or window_end, as {@code layout} says) then each aggregate call.
 */
public final class WindowRowEmitter extends ProcessWindowFunction<SqlAggregate.Acc, Row, GroupKey, TimeWindow> {
    private static final long serialVersionUID = 1L;
    /** Window start in the layout. */
    public static final int WINDOW_START = -1;
    /** Window end in the layout. */
    public static final int WINDOW_END = -2;
    /** Window time (end - 1 ms) in the layout. */
    public static final int WINDOW_TIME = -3;
    private final int[] layout;
    private final SqlAggregate aggregate;
    private final int[] tail;

    /** {@code layout}: per grouping column, its index in the key or one of the WINDOW_ constants. */
    public WindowRowEmitter(int[] layout, SqlAggregate aggregate) {
        this(layout, aggregate, new int[0]);
    }

    /** {@code tail}: WINDOW_ constants of columns after the aggregates (a legacy session's end). */
    public WindowRowEmitter(int[] layout, SqlAggregate aggregate, int[] tail) {
        this.layout = layout;
        this.aggregate = aggregate;
        this.tail = tail;
    }

    @Override
    public void process(GroupKey key, Context ctx, Iterable<SqlAggregate.Acc> elements, Collector<Row> out) {
        SqlAggregate.Acc acc = elements.iterator().next();
        TimeWindow w = ctx.window();
        int n = layout.length + aggregate.arity();
        Object[] f = new Object[n + tail.length];
        for (int i = 0; i < layout.length; i++) {
            f[i] = layout[i] >= 0 ? key.value(layout[i]) : windowValue(layout[i], w);
        }
        for (int i = 0; i < aggregate.arity(); i++) {
            f[layout.length + i] = aggregate.result(acc, i);
        }
        for (int i = 0; i < tail.length; i++) {
            f[n + i] = windowValue(tail[i], w);
        }
        out.collect(Row.insert(f));
    }

    private static Object windowValue(int which, TimeWindow w) {
        return switch (which) {
            case WINDOW_START -> w.start();
            case WINDOW_END -> w.end();
            default -> w.end() - 1;
        };
    }
}
