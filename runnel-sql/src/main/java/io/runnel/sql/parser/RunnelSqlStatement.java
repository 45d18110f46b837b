package io.runnel.sql.parser;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Base of the statements the front parser reads. Each writes itself as SQL text ({@link #sql()}) that parses again
 * to the same statement; the operands are not exposed to Calcite's visitors since no validator sees these nodes.
 */
public abstract class RunnelSqlStatement extends SqlCall {
    private final SqlOperator operator;

    protected RunnelSqlStatement(String name, SqlKind kind) {
        super(SqlParserPos.ZERO);
        this.operator = new SqlSpecialOperator(name, kind);
    }

    /** This statement as text in Flink's dialect (back-ticked identifiers). */
    public abstract String sql();

    @Override
    public SqlOperator getOperator() {
        return operator;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of();
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.print(sql());
    }

    @Override
    public String toString() {
        return sql();
    }
}
