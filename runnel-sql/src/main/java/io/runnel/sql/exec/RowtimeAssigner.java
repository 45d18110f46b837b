package io.runnel.sql.exec;

import io.runnel.api.time.TimestampAssigner;
import io.runnel.sql.data.Row;

/** A row's event time: its rowtime column (epoch milliseconds). */
public final class RowtimeAssigner implements TimestampAssigner<Row> {
    private static final long serialVersionUID = 1L;
    private final int index;
    private final String column;

    public RowtimeAssigner(int index, String column) {
        this.index = index;
        this.column = column;
    }

    @Override
    public long extractTimestamp(Row row, long previous) {
        Object t = row.field(index);
        if (t == null) {
            throw new IllegalStateException("rowtime column " + column + " is NULL in " + row);
        }
        return (Long) t;
    }
}
