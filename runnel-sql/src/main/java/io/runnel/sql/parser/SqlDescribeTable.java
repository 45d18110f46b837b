package io.runnel.sql.parser;

import org.apache.calcite.sql.SqlKind;

/** {@code DESCRIBE name} or {@code DESC name}: a table's or view's columns. */
public final class SqlDescribeTable extends RunnelSqlStatement {
    private final String name;

    public SqlDescribeTable(String name) {
        super("DESCRIBE", SqlKind.DESCRIBE_TABLE);
        this.name = name;
    }

    public String name() {
        return name;
    }

    @Override
    public String sql() {
        return "DESCRIBE " + CalciteParsing.quoteName(name);
    }
}
