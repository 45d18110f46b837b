package io.runnel.sql.exec.late;

import io.runnel.api.OutputTag;
import io.runnel.sql.data.Row;

/** The side output every SQL operator puts its late rows on, as they came in. */
public final class LateRows {
    public static final OutputTag<Row> TAG = new OutputTag<>("sql-late-rows");

    private LateRows() {}
}
