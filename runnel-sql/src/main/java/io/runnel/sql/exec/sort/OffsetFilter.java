package io.runnel.sql.exec.sort;

import io.runnel.api.functions.Collector;
import io.runnel.api.functions.FlatMapFunction;
import io.runnel.sql.data.Row;
import java.util.Arrays;

/**
 * After the Top-N of {@code ORDER BY ... LIMIT n [OFFSET m]}: drops the row number slot (the last field) and, when
 * numbered, the changes of rows numbered m or less, keeping each change's kind.
 */
public final class OffsetFilter implements FlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final long offset;

    public OffsetFilter(long offset) {
        this.offset = offset;
    }

    @Override
    public void flatMap(Row row, Collector<Row> out) {
        Object[] f = row.fields();
        Object rn = f[f.length - 1];
        if (rn == null || (Long) rn > offset) {
            out.collect(new Row(row.kind(), Arrays.copyOf(f, f.length - 1)));
        }
    }
}
