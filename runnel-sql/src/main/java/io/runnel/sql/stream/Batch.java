package io.runnel.sql.stream;

import java.util.List;

/** One trigger's rows as {@code foreachBatch} gets them: the result's column names and the rows (fields in that order). */
public record Batch(List<String> columns, List<Object[]> rows) {
    public long count() {
        return rows.size();
    }
}
