package io.runnel.sql.parser;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

/** {@code EXPLAIN [PLAN FOR] statement}: a query, an INSERT or a statement set. */
public final class SqlExplainStatement extends RunnelSqlStatement {
    private final SqlNode statement;

    public SqlExplainStatement(SqlNode statement) {
        super("EXPLAIN", SqlKind.EXPLAIN);
        this.statement = statement;
    }

    public SqlNode statement() {
        return statement;
    }

    @Override
    public String sql() {
        String inner = statement instanceof RunnelSqlStatement s ? s.sql()
                : CalciteParsing.unparse(statement, CalciteParsing.DIALECT);
        return "EXPLAIN PLAN FOR\n" + inner;
    }
}
