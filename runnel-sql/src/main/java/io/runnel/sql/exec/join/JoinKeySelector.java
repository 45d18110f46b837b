package io.runnel.sql.exec.join;

import io.runnel.api.functions.KeySelector;
import io.runnel.sql.data.Row;
import io.runnel.sql.exec.GroupKey;
import io.runnel.sql.exec.GroupKeySelector;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/**
 * A join side's key: its equi-join columns, except that a row with a NULL in one of them gets its side's own key,
 * which no row of the other side has. In SQL NULL equals nothing, so such a row joins no row (an outer side's is then
 * padded with nulls), where grouping by the values alone would pair it with the other side's NULLs.
 */
public final class JoinKeySelector implements KeySelector<Row, GroupKey> {
    @Serial
    private static final long serialVersionUID = 1L;
    private final GroupKeySelector columns;
    private final int[] keyColumns;
    private final GroupKey nullKey;

    /** {@code side}: 0 for the left input, 1 for the right. */
    public JoinKeySelector(int[] keyColumns, int side) {
        this.columns = new GroupKeySelector(keyColumns);
        this.keyColumns = keyColumns;
        this.nullKey = new GroupKey(List.of(new NullKeyOf(side)));
    }

    @Override
    public GroupKey getKey(Row row) {
        for (int c : keyColumns) {
            if (row.field(c) == null) {
                return nullKey;
            }
        }
        return columns.getKey(row);
    }

    /** The key of one side's rows with a NULL join column; its hash is stable across JVMs, as key groups need. */
    record NullKeyOf(int side) implements Serializable {
        @Override
        public int hashCode() {
            return 0x6e756c6c + side;
        }
    }
}
