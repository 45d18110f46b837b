package io.runnel.sql.connect.datagen;

import java.io.Serializable;

/** One column's values: the value of row number {@code row}, made at wall-clock time {@code nowMillis}. */
interface FieldGenerator extends Serializable {
    Object value(long row, long nowMillis);

    /** How many rows it can make (a sequence's length); {@link Long#MAX_VALUE} for no limit. */
    default long rows() {
        return Long.MAX_VALUE;
    }
}
