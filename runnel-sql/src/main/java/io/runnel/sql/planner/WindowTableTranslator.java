package io.runnel.sql.planner;

import io.runnel.api.DataStream;
import io.runnel.sql.data.Row;
import io.runnel.sql.exec.WindowColumns;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * A window table function not under a window aggregation (a window join's inputs, a filter on window columns):
 * its rows with their windows' columns. The event-time attribute stays the input's; the window columns are marked,
 * so a join on them with another window's rows is a window join.
 */
final class WindowTableTranslator {
    private final StreamTranslator streams;

    WindowTableTranslator(StreamTranslator streams) {
        this.streams = streams;
    }

    Translated translate(TableFunctionScan tvf) {
        RexCall call = (RexCall) tvf.getCall();
        String fn = call.getOperator().getName();
        WindowColumns.Kind kind = switch (fn) {
            case "TUMBLE" -> WindowColumns.Kind.TUMBLE;
            case "HOP" -> WindowColumns.Kind.HOP;
            case "CUMULATE" -> WindowColumns.Kind.CUMULATE;
            default -> throw new SqlPlanningException("window table function " + fn
                    + " is supported only under GROUP BY window_start, window_end");
        };
        Translated in = streams.translate(tvf.getInput(0));
        if (in.mode().isUpdating()) {
            throw new SqlPlanningException(fn + " over an updating input is not supported");
        }
        int descriptor = descriptorColumn(call, in, fn);
        List<Long> intervals = new ArrayList<>();
        for (RexNode op : call.getOperands()) {
            if (op instanceof RexLiteral lit && lit.getType().getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_DAY_TIME) {
                intervals.add(lit.getValueAs(Long.class));
            }
        }
        long step = intervals.get(0);
        long size = kind == WindowColumns.Kind.TUMBLE ? step : intervals.get(1);
        int offsetAt = kind == WindowColumns.Kind.TUMBLE ? 1 : 2;
        long offset = intervals.size() > offsetAt ? intervals.get(offsetAt) : 0;
        if (step <= 0 || size <= 0 || (kind != WindowColumns.Kind.TUMBLE && size % step != 0)) {
            throw new SqlPlanningException(fn + ": the size must be a positive multiple of the step/slide, got " + step + " and " + size + " ms");
        }
        DataStream<Row> out = in.stream().flatMap(new WindowColumns(kind, descriptor, step, size, offset))
                .name("WindowTable[" + call + "]");
        int n = tvf.getInput(0).getRowType().getFieldCount();
        return new Translated(out, in.rowtime(), ChangelogMode.INSERT_ONLY, new int[] {n, n + 1});
    }

    private static int descriptorColumn(RexCall call, Translated in, String fn) {
        for (RexNode op : call.getOperands()) {
            if (op.getKind() == SqlKind.DESCRIPTOR && ((RexCall) op).getOperands().get(0) instanceof RexInputRef ref) {
                if (ref.getIndex() != in.rowtime()) {
                    throw new SqlPlanningException(fn + "(..., DESCRIPTOR(...), ...): the column is not an event-time attribute"
                            + " (a table's WATERMARK FOR column)");
                }
                return ref.getIndex();
            }
        }
        throw new SqlPlanningException(fn + " without a DESCRIPTOR column");
    }
}
