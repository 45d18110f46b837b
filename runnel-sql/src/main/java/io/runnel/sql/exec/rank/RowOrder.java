package io.runnel.sql.exec.rank;

import java.io.Serial;
import java.io.Serializable;
import java.util.Comparator;

/** The ORDER BY of a ranking over rows' fields: columns, directions and where nulls go. */
public final class RowOrder implements Comparator<Object[]>, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    private final int[] columns;
    private final boolean[] descending;
    private final boolean[] nullsFirst;

    public RowOrder(int[] columns, boolean[] descending, boolean[] nullsFirst) {
        this.columns = columns;
        this.descending = descending;
        this.nullsFirst = nullsFirst;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public int compare(Object[] a, Object[] b) {
        for (int i = 0; i < columns.length; i++) {
            Object x = a[columns[i]];
            Object y = b[columns[i]];
            int c;
            if (x == null || y == null) {
                c = x == y ? 0 : (x == null) == nullsFirst[i] ? -1 : 1;
            } else {
                c = ((Comparable) x).compareTo(y);
                if (descending[i]) {
                    c = -c;
                }
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
