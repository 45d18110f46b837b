package io.runnel.sql.stream;

import io.runnel.sql.data.Row;
import io.runnel.sql.data.RowKind;
import io.runnel.sql.live.ViewTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The memory sink: a table named by the query, which ad-hoc queries (and the PostgreSQL endpoint) read. In append
 * mode each batch's rows are added; in complete mode each batch replaces the table, as one change readers see
 * whole.
 */
final class MemoryTarget implements BatchTarget {
    private final ViewTable table;
    private final OutputMode mode;

    MemoryTarget(ViewTable table, OutputMode mode) {
        this.table = table;
        this.mode = mode;
    }

    @Override
    public void batch(Batch batch, long batchId) {
        if (mode == OutputMode.COMPLETE) {
            List<Object[]> entries = new ArrayList<>(batch.rows().size());
            batch.rows().forEach(r -> entries.add(new Object[] {r, 1L}));
            table.reset(entries);
            return;
        }
        batch.rows().forEach(r -> table.apply(Row.of(RowKind.INSERT, r)));
    }

    @Override
    public void row(Row row) {
        table.apply(Row.of(RowKind.INSERT, row.fields()));
    }
}
