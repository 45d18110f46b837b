package io.runnel.sql.live;

import java.util.Arrays;

/** Fields compared by value (arrays and nested rows deeply): a view row's identity, or its key's. The hash is kept. */
final class RowKey {
    private final Object[] values;
    private final int hash;

    RowKey(Object[] values) {
        this.values = values;
        this.hash = Arrays.deepHashCode(values);
    }

    /** The key of {@code fields} made of the columns {@code key}. */
    static RowKey of(Object[] fields, int[] key) {
        Object[] k = new Object[key.length];
        for (int i = 0; i < key.length; i++) {
            k[i] = fields[key[i]];
        }
        return new RowKey(k);
    }

    Object[] values() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowKey k && k.hash == hash && Arrays.deepEquals(k.values, values);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return Arrays.deepToString(values);
    }
}
