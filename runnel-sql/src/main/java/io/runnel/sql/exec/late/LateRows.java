package io.runnel.sql.exec.late;

import io.runnel.api.OutputTag;
import io.runnel.sql.data.Row;

/** The side outputs SQL operators put their late rows on, as they came in. */
public final class LateRows {
    public static final OutputTag<Row> TAG = new OutputTag<>("sql-late-rows");
    /** A two-input operator's late rows of its second (right) input; {@link #TAG} has the first's. */
    public static final OutputTag<Row> RIGHT_TAG = new OutputTag<>("sql-late-rows-right");

    private LateRows() {}
}
