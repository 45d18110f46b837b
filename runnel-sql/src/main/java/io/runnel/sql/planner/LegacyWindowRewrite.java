package io.runnel.sql.planner;

import io.runnel.sql.functions.RunnelOperators;
import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Before validation, Flink's legacy window syntax into Calcite's: {@code TUMBLE_ROWTIME(ts, size)} (HOP_, SESSION_)
 * becomes {@code $ROWTIME_OF(TUMBLE_START(ts, size))}, filled in by the planner; {@code SESSION_END(ts, gap)} becomes
 * {@code $SESSION_END_OF(SESSION_START(ts, gap))} (Calcite converts both auxiliaries to the session's group
 * value, its start; the marker keeps the end apart until the planner can put the session's true end there),
 * and the window function {@code SESSION(TABLE t PARTITION BY k, DESCRIPTOR(ts), gap)} becomes Calcite's
 * {@code SESSION(TABLE t, DESCRIPTOR(ts), DESCRIPTOR(k), gap)}.
 */
final class LegacyWindowRewrite extends SqlShuttle {
    static SqlNode apply(SqlNode query) {
        String text = query.toString().toUpperCase(Locale.ROOT);
        return text.contains("SESSION") || text.contains("_ROWTIME") || text.contains("_PROCTIME")
                ? query.accept(new LegacyWindowRewrite()) : query;
    }

    @Override
    public SqlNode visit(SqlCall call) {
        if (call.getOperator().getName().equalsIgnoreCase("SESSION_END")) {
            SqlNode[] operands = call.getOperandList().stream().map(o -> o == null ? null : o.accept(this)).toArray(SqlNode[]::new);
            return RunnelOperators.SESSION_END_OF.createCall(call.getParserPosition(),
                    SqlStdOperatorTable.SESSION_START.createCall(call.getParserPosition(), operands));
        }
        String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
        if (name.equals("TUMBLE_ROWTIME") || name.equals("HOP_ROWTIME") || name.equals("SESSION_ROWTIME")) {
            SqlNode[] operands = call.getOperandList().stream().map(o -> o == null ? null : o.accept(this)).toArray(SqlNode[]::new);
            org.apache.calcite.sql.SqlOperator start = switch (name) {
                case "TUMBLE_ROWTIME" -> SqlStdOperatorTable.TUMBLE_START;
                case "HOP_ROWTIME" -> SqlStdOperatorTable.HOP_START;
                default -> SqlStdOperatorTable.SESSION_START;
            };
            return RunnelOperators.ROWTIME_OF.createCall(call.getParserPosition(), start.createCall(call.getParserPosition(), operands));
        }
        if (name.equals("TUMBLE_PROCTIME") || name.equals("HOP_PROCTIME") || name.equals("SESSION_PROCTIME")) {
            // a processing-time attribute for a later window: the time the window's row passes, as PROCTIME()
            return RunnelOperators.PROCTIME.createCall(call.getParserPosition());
        }
        if (call.getOperator().getName().equalsIgnoreCase("SESSION") && call.operandCount() == 3
                && call.operand(0) instanceof SqlCall table && table.getKind() == SqlKind.SET_SEMANTICS_TABLE) {
            if (table.operand(2) instanceof SqlNodeList order && !order.isEmpty()) {
                throw new SqlPlanningException("SESSION(TABLE ... ORDER BY ...): a session window's table takes no ORDER BY");
            }
            SqlNodeList keys = (SqlNodeList) table.operand(1);
            SqlParserPos pos = call.getParserPosition();
            return io.runnel.sql.functions.FlinkWindowFunctions.SESSION.createCall(pos, table.operand(0).accept(this), call.operand(1),
                    SqlStdOperatorTable.DESCRIPTOR.createCall(keys.getParserPosition(), keys.getList().toArray(SqlNode[]::new)),
                    call.operand(2));
        }
        return super.visit(call);
    }
}
