package io.runnel.sql.data;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;

/** A row's fields compared by value (arrays and nested rows deeply): a key of a multiset of rows, or of a row's key. */
public record RowFields(Object[] values) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public boolean equals(Object o) {
        return o instanceof RowFields f && Arrays.deepEquals(f.values, values);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.deepToString(values);
    }
}
