package io.runnel.sql.functions;

import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlWindowTableFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlOperandMetadata;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.util.SqlOperatorTables;

/**
 * Flink's window table functions TUMBLE, HOP, CUMULATE and SESSION: Calcite's operands, and Flink's columns, which
 * add {@code window_time} (the window's end - 1 ms, a time attribute of a window aggregation's result) after
 * Calcite's {@code window_start} and {@code window_end}. They stand in for Calcite's own in the validator.
 */
public final class FlinkWindowFunctions {
    public static final SqlFunction TUMBLE = withWindowTime("TUMBLE", SqlStdOperatorTable.TUMBLE);
    public static final SqlFunction HOP = withWindowTime("HOP", SqlStdOperatorTable.HOP);
    public static final SqlFunction SESSION = withWindowTime("SESSION", SqlStdOperatorTable.SESSION);
    /** CUMULATE takes HOP's operands (a step where HOP has a slide). */
    public static final SqlFunction CUMULATE = withWindowTime("CUMULATE", SqlStdOperatorTable.HOP);

    private static final Set<SqlOperator> REPLACED = Set.of(SqlStdOperatorTable.TUMBLE, SqlStdOperatorTable.HOP,
            SqlStdOperatorTable.SESSION);

    private FlinkWindowFunctions() {}

    /** Calcite's standard operators without its window table functions (its legacy GROUP BY TUMBLE(...) stays). */
    public static SqlOperatorTable standardWithoutWindowFunctions() {
        SqlOperatorTable std = SqlStdOperatorTable.instance();
        return new SqlOperatorTable() {
            @Override
            public void lookupOperatorOverloads(org.apache.calcite.sql.SqlIdentifier name,
                    org.apache.calcite.sql.SqlFunctionCategory category, org.apache.calcite.sql.SqlSyntax syntax,
                    List<SqlOperator> operators, org.apache.calcite.sql.validate.SqlNameMatcher matcher) {
                int before = operators.size();
                std.lookupOperatorOverloads(name, category, syntax, operators, matcher);
                operators.subList(before, operators.size()).removeIf(REPLACED::contains);
            }

            @Override
            public List<SqlOperator> getOperatorList() {
                return std.getOperatorList().stream().filter(op -> !REPLACED.contains(op)).toList();
            }
        };
    }

    public static SqlOperatorTable table() {
        return SqlOperatorTables.of(TUMBLE, HOP, SESSION, CUMULATE);
    }

    private static SqlFunction withWindowTime(String name, SqlFunction calcite) {
        SqlOperandMetadata operands = (SqlOperandMetadata) calcite.getOperandTypeChecker();
        return new SqlWindowTableFunction(name, operands) {
            @Override
            public SqlReturnTypeInference getRowTypeInference() {
                return binding -> {
                    RelDataType calciteType = ARG0_TABLE_FUNCTION_WINDOWING.inferReturnType(binding);
                    RelDataType end = calciteType.getField("window_end", false, false).getType();
                    return binding.getTypeFactory().builder().addAll(calciteType.getFieldList())
                            .add("window_time", end).build();
                };
            }
        };
    }
}
