package io.runnel.sql.exec;

import io.runnel.api.functions.Collector;
import io.runnel.api.functions.FlatMapFunction;
import io.runnel.sql.data.Row;

/**
 * A TUMBLE, HOP or CUMULATE table function read as a table: each row once per window it falls in, with the columns
 * {@code window_start}, {@code window_end} and {@code window_time} (end - 1 ms) appended, as Flink's windowing TVFs.
 * Windows are aligned to the epoch plus {@code offset}.
 */
public final class WindowColumns implements FlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    /** Which windows a timestamp falls in. */
    public enum Kind { TUMBLE, HOP, CUMULATE }

    private final Kind kind;
    private final int rowtime;
    private final long step;
    private final long size;
    private final long offset;
    private transient Object[] bounds;
    private transient long cachedStart;
    private transient long cachedLength;

    /** TUMBLE: step = size; HOP: step = slide; CUMULATE: step, and size is the max size. */
    public WindowColumns(Kind kind, int rowtime, long step, long size, long offset) {
        this.kind = kind;
        this.rowtime = rowtime;
        this.step = step;
        this.size = size;
        this.offset = offset;
    }

    @Override
    public void flatMap(Row row, Collector<Row> out) {
        Object t = row.field(rowtime);
        if (t == null) {
            return; // a row without time is in no window, as in Flink
        }
        long ts = (Long) t;
        switch (kind) {
            case TUMBLE -> emit(row, start(ts, size), size, out);
            case HOP -> {
                for (long start = start(ts, step); start > ts - size; start -= step) {
                    emit(row, start, size, out);
                }
            }
            case CUMULATE -> {
                long start = start(ts, size);
                for (long end = start(ts, step) + step; end <= start + size; end += step) {
                    emit(row, start, end - start, out);
                }
            }
        }
    }

    private long start(long ts, long length) {
        return ts - Math.floorMod(ts - offset, length);
    }

    private void emit(Row row, long start, long length, Collector<Row> out) {
        if (bounds == null || start != cachedStart || length != cachedLength) {
            // consecutive rows mostly share a window: one boxed start, end and time for all of them, not three each
            bounds = new Object[] {start, start + length, start + length - 1};
            cachedStart = start;
            cachedLength = length;
        }
        Object[] in = row.fields();
        Object[] f = new Object[in.length + 3];
        System.arraycopy(in, 0, f, 0, in.length);
        System.arraycopy(bounds, 0, f, in.length, 3);
        out.collect(new Row(row.kind(), f));
    }
}
