package io.runnel.sql.functions;

import java.util.List;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * Operators the validator needs besides Calcite's standard ones and the schema's functions: Flink's clock functions
 * ({@code PROCTIME()}, {@code NOW()}, {@code UNIX_TIMESTAMP()}), Calcite library functions that match Flink's, and the
 * marker the planner puts around a legacy {@code SESSION_END}.
 */
public final class RunnelOperators {
    /**
     * {@code PROCTIME()}: the wall-clock time a row passes, {@code TIMESTAMP_LTZ(3)}; a column defined by it is a
     * processing-time attribute.
     */
    public static final SqlFunction PROCTIME = clock("PROCTIME", SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3, "proctime");

    /** {@code NOW()}: the current time per row, {@code TIMESTAMP_LTZ(3)}, as Flink evaluates it in streaming. */
    public static final SqlFunction NOW = clock("NOW", SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3, "now");

    /** {@code UNIX_TIMESTAMP()}: the current epoch seconds per row (its 1- and 2-argument forms parse strings). */
    public static final SqlFunction UNIX_TIMESTAMP_NOW = clock("UNIX_TIMESTAMP", SqlTypeName.BIGINT, -1, "unixTimestamp");

    /**
     * Calcite's library functions that behave as Flink's built-ins of the same name (null in, null out, unless said):
     * CONCAT (null if any argument is), CONCAT_WS (skips null arguments), LPAD, RPAD, LTRIM, RTRIM, LEFT, RIGHT, REPEAT,
     * REVERSE, REGEXP_REPLACE, REGEXP (a match anywhere), INSTR, MD5, SHA1, SHA256, SHA512, TO_BASE64, FROM_BASE64,
     * CHR, IF, IFNULL, GREATEST, LEAST, LOG2.
     */
    /**
     * Wraps {@code TUMBLE_START(...)} (or HOP_, SESSION_) where the query said {@code TUMBLE_ROWTIME(...)}: the planner
     * puts the window's end - 1 ms there, a time attribute, as Flink's *_ROWTIME.
     */
    public static final SqlFunction ROWTIME_OF = new SqlFunction("$ROWTIME_OF", SqlKind.OTHER_FUNCTION,
            ReturnTypes.ARG0, null, OperandTypes.DATETIME, SqlFunctionCategory.SYSTEM);

    private static final List<SqlOperator> FLINK_LIKE = List.of(SqlLibraryOperators.CONCAT_FUNCTION,
            SqlLibraryOperators.CONCAT_WS, SqlLibraryOperators.LPAD, SqlLibraryOperators.RPAD, SqlLibraryOperators.LTRIM,
            SqlLibraryOperators.RTRIM, SqlLibraryOperators.LEFT, SqlLibraryOperators.RIGHT, SqlLibraryOperators.REPEAT,
            SqlLibraryOperators.REVERSE, SqlLibraryOperators.REGEXP_REPLACE_3, SqlLibraryOperators.REGEXP,
            SqlLibraryOperators.INSTR, SqlLibraryOperators.MD5, SqlLibraryOperators.SHA1, SqlLibraryOperators.SHA256,
            SqlLibraryOperators.SHA512, SqlLibraryOperators.TO_BASE64, SqlLibraryOperators.FROM_BASE64,
            SqlLibraryOperators.CHR, SqlLibraryOperators.IF, SqlLibraryOperators.IFNULL, SqlLibraryOperators.GREATEST,
            SqlLibraryOperators.LEAST, SqlLibraryOperators.LOG2);

    /** The no-argument overload (create(Class, name) would take whichever overload reflection lists first). */
    private static java.lang.reflect.Method niladic(String method) {
        try {
            return FlinkFunctions.class.getMethod(method);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(method, e);
        }
    }

    /** A niladic function that reads the clock: never folded into a constant, each row calls it. */
    @SuppressWarnings("deprecation") // the constructor that takes a plain operand checker
    private static SqlFunction clock(String name, SqlTypeName type, int precision, String method) {
        return new SqlUserDefinedFunction(new SqlIdentifier(name, SqlParserPos.ZERO),
                precision < 0 ? ReturnTypes.explicit(type) : ReturnTypes.explicit(type, precision), null,
                OperandTypes.NILADIC, List.of(), ScalarFunctionImpl.create(niladic(method))) {
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
    }

    /**
     * Wraps {@code SESSION_START(...)} where the query said {@code SESSION_END(...)}: Calcite gives both the window's
     * group value (its start), so the planner rewrites the end before validation and puts the window's true end (last
     * row + gap) in its place when it translates the aggregation.
     */
    public static final SqlFunction SESSION_END_OF = new SqlFunction("$SESSION_END_OF", SqlKind.OTHER_FUNCTION,
            ReturnTypes.ARG0, null, OperandTypes.DATETIME, SqlFunctionCategory.SYSTEM);

    private static final SqlOperatorTable TABLE = SqlOperatorTables.chain(
            SqlOperatorTables.of(PROCTIME, NOW, UNIX_TIMESTAMP_NOW, SESSION_END_OF, ROWTIME_OF),
            FlinkWindowFunctions.table(), SqlOperatorTables.of(FLINK_LIKE));

    private RunnelOperators() {}

    public static SqlOperatorTable table() {
        return TABLE;
    }
}
