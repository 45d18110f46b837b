package io.runnel.sql.parser;

import org.apache.calcite.sql.SqlNode;

/**
 * Parses one statement of Flink's dialect with the parser generated from Calcite's grammar and Runnel's productions
 * ({@code src/main/codegen}): Flink's DDL and client statements into this package's nodes, queries and INSERT into
 * Calcite's.
 */
public final class RunnelSqlParser {
    private RunnelSqlParser() {}

    /** One statement (no trailing {@code ;}); errors give line and column within {@code sql}. */
    public static SqlNode parse(String sql) {
        return parse(SourcePosition.of(sql));
    }

    static SqlNode parse(SourcePosition source) {
        return CalciteParsing.parseStatement(source);
    }
}
