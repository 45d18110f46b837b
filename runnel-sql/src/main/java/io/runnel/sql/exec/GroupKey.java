package io.runnel.sql.exec;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The grouping columns' values of a row, as a key of keyed streams. Its hash is List's over the values (stable across
 * JVMs: it places the key in its key group), computed once: keyed state and timers hash and compare a key several
 * times per record, so the hash is cached and compared before the values, which are held in a plain array.
 */
public final class GroupKey implements Serializable {
    @Serial
    private static final long serialVersionUID = 2L;
    private final Object[] values;
    private final int hash;

    public GroupKey(List<Object> values) {
        this(values.toArray());
    }

    /** Takes {@code values} as they are (the caller gives up the array). */
    GroupKey(Object[] values) {
        this.values = values;
        int h = 1;
        for (Object v : values) {
            h = 31 * h + (v == null ? 0 : v.hashCode());
        }
        this.hash = h;
    }

    /** The values, read-only. */
    public List<Object> values() {
        return java.util.Collections.unmodifiableList(Arrays.asList(values));
    }

    public int size() {
        return values.length;
    }

    public Object value(int i) {
        return values[i];
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof GroupKey k) || k.hash != hash || k.values.length != values.length) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            if (!Objects.equals(values[i], k.values[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
