package io.runnel.sql.parser;

import org.apache.calcite.sql.SqlKind;

/** {@code RESET 'key'}, or {@code RESET} alone (key null) for every key. */
public final class SqlResetStatement extends RunnelSqlStatement {
    private final String key;

    public SqlResetStatement(String key) {
        super("RESET", SqlKind.SET_OPTION);
        this.key = key;
    }

    public String key() {
        return key;
    }

    @Override
    public String sql() {
        return key == null ? "RESET" : "RESET " + CalciteParsing.literal(key);
    }
}
