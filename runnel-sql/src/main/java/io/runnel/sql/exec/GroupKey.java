package io.runnel.sql.exec;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The grouping columns' values of a row (a List: its hash is stable across JVMs), as a key of keyed streams.
 * Equality and hash are written out (same results as List's) because they run for every record.
 */
public record GroupKey(List<Object> values) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GroupKey k) || k.values.size() != values.size()) {
            return false;
        }
        for (int i = 0; i < values.size(); i++) {
            if (!Objects.equals(values.get(i), k.values.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            h = 31 * h + (v == null ? 0 : v.hashCode());
        }
        return h;
    }
}
