package io.runnel.sql.parser;

import java.util.List;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;

/**
 * {@code EXECUTE STATEMENT SET BEGIN insert; ... END} (or the SQL client's {@code BEGIN STATEMENT SET; ... END;}):
 * inserts planned and run together as one job.
 */
public final class SqlStatementSet extends RunnelSqlStatement {
    private final List<SqlInsert> inserts;

    public SqlStatementSet(List<SqlInsert> inserts) {
        super("STATEMENT SET", SqlKind.OTHER);
        this.inserts = List.copyOf(inserts);
    }

    public List<SqlInsert> inserts() {
        return inserts;
    }

    @Override
    public String sql() {
        StringBuilder sb = new StringBuilder("EXECUTE STATEMENT SET BEGIN\n");
        inserts.forEach(i -> sb.append(CalciteParsing.unparse(i, CalciteParsing.DIALECT)).append(";\n"));
        return sb.append("END").toString();
    }
}
