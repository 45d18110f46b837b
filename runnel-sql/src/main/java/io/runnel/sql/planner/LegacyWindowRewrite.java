package io.runnel.sql.planner;

import io.runnel.sql.functions.RunnelOperators;
import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Before validation: {@code SESSION_END(ts, gap)} becomes {@code $SESSION_END_OF(SESSION_START(ts, gap))}.
 * Calcite converts both auxiliaries to the session's group value, its start; the marker keeps the
 * end apart until the planner can put the session's true end there.
 */
final class LegacyWindowRewrite extends SqlShuttle {
    static SqlNode apply(SqlNode query) {
        return query.toString().toUpperCase(Locale.ROOT).contains("SESSION_END") ? query.accept(new LegacyWindowRewrite()) : query;
    }

    @Override
    public SqlNode visit(SqlCall call) {
        if (call.getOperator().getName().equalsIgnoreCase("SESSION_END")) {
            SqlNode[] operands = call.getOperandList().stream().map(o -> o == null ? null : o.accept(this)).toArray(SqlNode[]::new);
            return RunnelOperators.SESSION_END_OF.createCall(call.getParserPosition(),
                    SqlStdOperatorTable.SESSION_START.createCall(call.getParserPosition(), operands));
        }
        return super.visit(call);
    }
}
