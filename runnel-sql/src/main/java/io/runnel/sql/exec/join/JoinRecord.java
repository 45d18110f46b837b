package io.runnel.sql.exec.join;

import java.io.Serial;
import java.io.Serializable;

/**
 * How many copies of a row one side holds, and how many distinct rows of the other side it matches (kept only where
 * the side is an outer one, to know when its null-padded row appears and goes).
 */
record JoinRecord(long count, long matches) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
}
