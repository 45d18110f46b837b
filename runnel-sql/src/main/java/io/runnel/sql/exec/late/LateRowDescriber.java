package io.runnel.sql.exec.late;

import io.runnel.api.functions.Collector;
import io.runnel.api.functions.ProcessFunction;
import io.runnel.sql.data.Row;
import io.runnel.sql.result.RowJsonFormatter;
import org.apache.calcite.rel.type.RelDataType;

/**
 * One operator's late rows in the shape of the late-rows table, whatever the operator's input: {@code (operator
 * STRING, row STRING, rowtime TIMESTAMP(3))}: the row as a line of JSON of the columns the operator reads, and its
 * event time (the record's timestamp, there even when the operator does not read the time column).
 */
public final class LateRowDescriber extends ProcessFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final String operator;
    private final RowJsonFormatter json;
    private final int[] columns;

    /** {@code columns}: the fields of the late rows to show, {@code shownType} their names and types. */
    public LateRowDescriber(String operator, RelDataType shownType, int[] columns) {
        this.operator = operator;
        this.json = new RowJsonFormatter(shownType);
        this.columns = columns;
    }

    @Override
    public void processElement(Row late, Context ctx, Collector<Row> out) throws Exception {
        Object[] shown = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            shown[i] = late.field(columns[i]);
        }
        long ts = ctx.timestamp();
        out.collect(Row.insert(operator, json.format(Row.insert(shown)), ts == Long.MIN_VALUE ? null : ts));
    }
}
