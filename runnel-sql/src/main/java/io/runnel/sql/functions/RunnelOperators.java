package io.runnel.sql.functions;

import java.util.List;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * Operators the validator needs besides Calcite's standard ones and the schema's functions:
 * Flink's {@code PROCTIME()} and the marker the planner puts around a legacy {@code SESSION_END}.
 */
public final class RunnelOperators {
    /**
     * {@code PROCTIME()}: the wall-clock time a row passes, {@code TIMESTAMP_LTZ(3)}; a column defined by it is a
     * processing-time attribute. Never folded into a constant: each row reads the clock.
     */
    @SuppressWarnings("deprecation") // the constructor that takes a plain operand checker
    public static final SqlFunction PROCTIME = new SqlUserDefinedFunction(new SqlIdentifier("PROCTIME", SqlParserPos.ZERO),
            ReturnTypes.explicit(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3), null, OperandTypes.NILADIC, List.of(),
            ScalarFunctionImpl.create(FlinkFunctions.class, "proctime")) {
        @Override
        public boolean isDeterministic() {
            return false;
        }

        @Override
        public boolean isDynamicFunction() {
            return true;
        }

        @Override
        public boolean checkOperandTypes(org.apache.calcite.sql.SqlCallBinding binding, boolean throwOnFailure) {
            return OperandTypes.NILADIC.checkOperandTypes(binding, throwOnFailure);
        }

        @Override
        public org.apache.calcite.sql.SqlOperandCountRange getOperandCountRange() {
            return org.apache.calcite.sql.type.SqlOperandCountRanges.of(0);
        }
    };

    /**
     * Wraps {@code SESSION_START(...)} where the query said {@code SESSION_END(...)}: Calcite gives both the window's
     * group value (its start), so the planner rewrites the end before validation and puts the window's true end (last
     * row + gap) in its place when it translates the aggregation.
     */
    public static final SqlFunction SESSION_END_OF = new SqlFunction("$SESSION_END_OF", SqlKind.OTHER_FUNCTION,
            ReturnTypes.ARG0, null, OperandTypes.DATETIME, SqlFunctionCategory.SYSTEM);

    private static final SqlOperatorTable TABLE = SqlOperatorTables.of(PROCTIME, SESSION_END_OF);

    private RunnelOperators() {}

    public static SqlOperatorTable table() {
        return TABLE;
    }
}
