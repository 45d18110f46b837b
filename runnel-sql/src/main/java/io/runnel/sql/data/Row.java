package io.runnel.sql.data;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;

/**
 * One row of a SQL stream: its change kind and its fields in the row type's order. Fields hold
 * Calcite's internal representation, so expressions compiled by Calcite run on them unchanged:
 * BOOLEAN Boolean, TINYINT Byte, SMALLINT Short, INT Integer, BIGINT Long, FLOAT Float, DOUBLE
 * Double, DECIMAL BigDecimal, CHAR/VARCHAR/STRING String, BINARY/BYTES byte[], DATE Integer (days
 * since 1970-01-01), TIME Integer (milliseconds of the day), TIMESTAMP and TIMESTAMP_LTZ Long
 * (epoch milliseconds, UTC), ROW Object[], ARRAY java.util.List, MAP java.util.Map; SQL NULL is
 * null.
 */
public final class Row implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    private RowKind kind;
    private final Object[] fields;

    public Row(RowKind kind, Object[] fields) {
        this.kind = kind;
        this.fields = fields;
    }

    public static Row insert(Object... fields) {
        return new Row(RowKind.INSERT, fields);
    }

    public static Row of(RowKind kind, Object... fields) {
        return new Row(kind, fields);
    }

    public RowKind kind() {
        return kind;
    }

    /** Changes the kind in place: operators that forward a row as another kind reuse it. */
    public void kind(RowKind kind) {
        this.kind = kind;
    }

    public Object[] fields() {
        return fields;
    }

    public Object field(int i) {
        return fields[i];
    }

    public int arity() {
        return fields.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row r && r.kind == kind && Arrays.deepEquals(r.fields, fields);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Arrays.deepHashCode(fields);
    }

    @Override
    public String toString() {
        return kind.shortString() + Arrays.deepToString(fields);
    }
}
