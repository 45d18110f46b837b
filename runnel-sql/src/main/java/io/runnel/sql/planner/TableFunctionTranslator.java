package io.runnel.sql.planner;

import io.runnel.api.DataStream;
import io.runnel.sql.data.Row;
import io.runnel.sql.exec.TableFunctionJoin;
import io.runnel.sql.functions.UserTableFunctionDefinition;
import java.util.List;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.validate.SqlUserDefinedTableFunction;

/**
 * {@code LATERAL TABLE(fn(args))} of a user-defined table function: Calcite gives a correlate whose right side is the
 * function's scan, its arguments reading the left row; it runs as a stateless map of each left row to the joined
 * rows. The result keeps the left side's time attribute and changelog.
 */
final class TableFunctionTranslator {
    private final StreamTranslator streams;

    TableFunctionTranslator(StreamTranslator streams) {
        this.streams = streams;
    }

    /** The user-defined table function a correlate's right side calls, or null when it is something else. */
    static UserTableFunctionDefinition function(Correlate correlate) {
        if (correlate.getRight() instanceof TableFunctionScan scan && scan.getCall() instanceof RexCall call
                && call.getOperator() instanceof SqlUserDefinedTableFunction f
                && f.getFunction() instanceof UserTableFunctionDefinition d) {
            return d;
        }
        return null;
    }

    Translated translate(Correlate correlate, UserTableFunctionDefinition fn) {
        boolean leftJoin = switch (correlate.getJoinType()) {
            case INNER -> false;
            case LEFT -> true;
            default -> throw new SqlPlanningException(correlate.getJoinType() + " join with a table function is not"
                    + " supported (a comma / CROSS JOIN LATERAL and LEFT JOIN LATERAL ... ON TRUE are)");
        };
        Translated left = streams.translate(correlate.getLeft());
        RexCall call = (RexCall) ((TableFunctionScan) correlate.getRight()).getCall();
        RelDataType leftType = correlate.getLeft().getRowType();
        RexShuttle shift = LookupJoinTranslator.shift(correlate, leftType.getFieldCount(), leftType);
        List<RexNode> args = call.getOperands().stream().map(a -> a.accept(shift)).toList();
        int columns = correlate.getRight().getRowType().getFieldCount();
        TableFunctionJoin join = new TableFunctionJoin(fn.className(),
                CalcCodegen.calc(correlate.getCluster().getRexBuilder(), leftType, null, args), columns, fn.multiColumn(),
                leftJoin);
        DataStream<Row> out = left.stream().flatMap(join)
                .name("TableFunction[" + (leftJoin ? "LEFT " : "") + call.getOperator().getName() + args + "]");
        return new Translated(out, left.rowtime(), left.mode(), null, left.proctime());
    }
}
