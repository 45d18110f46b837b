package io.runnel.sql.exec;

import io.runnel.api.functions.KeySelector;
import io.runnel.sql.data.Row;
import java.util.Arrays;
import java.util.List;

/** Keys a row by the given columns (none: one key for all rows). */
public final class GroupKeySelector implements KeySelector<Row, GroupKey> {
    private static final long serialVersionUID = 1L;
    private static final GroupKey ALL = new GroupKey(List.of());
    private final int[] columns;

    public GroupKeySelector(int[] columns) {
        this.columns = columns;
    }

    @Override
    public GroupKey getKey(Row row) {
        if (columns.length == 0) {
            return ALL;
        }
        Object[] v = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            v[i] = row.field(columns[i]);
        }
        return new GroupKey(v);
    }
}
