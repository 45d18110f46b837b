package io.runnel.sql.exec;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/** The grouping columns' values of a row (a List: its hash is stable across JVMs), as a key of keyed streams. */
public record GroupKey(List<Object> values) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
}
