package io.runnel.sql.pg;

import java.sql.Types;

/** The PostgreSQL types results are sent as: their OID and size (-1: variable), chosen from a column's JDBC type. */
enum PgType {
    BOOL(16, 1), BYTEA(17, -1), INT8(20, 8), INT2(21, 2), INT4(23, 4), TEXT(25, -1), FLOAT4(700, 4), FLOAT8(701, 8),
    VARCHAR(1043, -1), DATE(1082, 4), TIME(1083, 8), TIMESTAMP(1114, 8), TIMESTAMPTZ(1184, 8), NUMERIC(1700, -1);

    final int oid;
    final int size;

    PgType(int oid, int size) {
        this.oid = oid;
        this.size = size;
    }

    static PgType ofJdbc(int jdbcType) {
        return switch (jdbcType) {
            case Types.BOOLEAN, Types.BIT -> BOOL;
            case Types.TINYINT, Types.SMALLINT -> INT2;
            case Types.INTEGER -> INT4;
            case Types.BIGINT -> INT8;
            case Types.REAL, Types.FLOAT -> FLOAT4;
            case Types.DOUBLE -> FLOAT8;
            case Types.DECIMAL, Types.NUMERIC -> NUMERIC;
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR -> VARCHAR;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> BYTEA;
            case Types.DATE -> DATE;
            case Types.TIME -> TIME;
            case Types.TIMESTAMP -> TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMPTZ;
            default -> TEXT; // arrays, rows, maps: their text
        };
    }

    /** The type of a parameter's OID as a client declared it; null for unspecified (0) or one we take as text. */
    static PgType ofOid(int oid) {
        for (PgType t : values()) {
            if (t.oid == oid) {
                return t;
            }
        }
        return null;
    }
}
