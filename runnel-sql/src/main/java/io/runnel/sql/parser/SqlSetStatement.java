package io.runnel.sql.parser;

import org.apache.calcite.sql.SqlKind;

/** {@code SET 'key' = 'value'}, or a bare {@code SET} (key and value null) that lists what is set. */
public final class SqlSetStatement extends RunnelSqlStatement {
    private final String key;
    private final String value;

    public SqlSetStatement(String key, String value) {
        super("SET", SqlKind.SET_OPTION);
        this.key = key;
        this.value = value;
    }

    public String key() {
        return key;
    }

    public String value() {
        return value;
    }

    @Override
    public String sql() {
        return key == null ? "SET" : "SET " + CalciteParsing.literal(key) + " = " + CalciteParsing.literal(value);
    }
}
