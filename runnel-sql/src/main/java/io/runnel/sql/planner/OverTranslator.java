package io.runnel.sql.planner;

import io.runnel.api.DataStream;
import io.runnel.sql.data.Row;
import io.runnel.sql.exec.AggSpec;
import io.runnel.sql.exec.GroupKeySelector;
import io.runnel.sql.exec.SqlAggregate;
import io.runnel.sql.exec.over.OverAggregateFunction;
import io.runnel.sql.exec.over.OverFrame;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBound;

/**
 * OVER aggregation ({@code COUNT/SUM/AVG/MIN/MAX(...) OVER (PARTITION BY k ORDER BY rowtime ROWS|RANGE BETWEEN ...
 * PRECEDING AND CURRENT ROW)}) onto the over-aggregate operator keyed by the partition columns. The input must be
 * insert-only and ordered by its event-time attribute; the output keeps the input's rows and time attribute, with
 * the aggregates appended.
 */
final class OverTranslator {
    private final StreamTranslator streams;

    OverTranslator(StreamTranslator streams) {
        this.streams = streams;
    }

    Translated translate(Window window) {
        if (window.groups.size() != 1) {
            throw new SqlPlanningException("OVER windows with different PARTITION BY / ORDER BY / frames in one SELECT are"
                    + " not supported yet; use one window definition");
        }
        Window.Group group = window.groups.get(0);
        Translated in = streams.translate(window.getInput());
        if (in.mode().isUpdating()) {
            throw new SqlPlanningException("OVER aggregation over an updating input (" + in.mode() + ") is not supported yet");
        }
        List<RelFieldCollation> order = group.orderKeys.getFieldCollations();
        if (order.size() != 1 || order.get(0).getFieldIndex() != in.rowtime() || order.get(0).getDirection().isDescending()) {
            throw new SqlPlanningException("OVER windows must be ORDER BY the event-time attribute, ascending (a table's"
                    + " WATERMARK FOR column)");
        }
        if (!group.upperBound.isCurrentRow()) {
            throw new SqlPlanningException("OVER windows must end at CURRENT ROW (got " + group.upperBound + ")");
        }
        OverFrame frame = frame(group, window);
        List<AggSpec> specs = new ArrayList<>();
        for (Window.RexWinAggCall call : group.aggCalls) {
            specs.add(spec(call));
        }
        SqlAggregate aggregate = new SqlAggregate(specs.toArray(AggSpec[]::new));
        DataStream<Row> out = in.stream().keyBy(new GroupKeySelector(group.keys.toArray()))
                .process(new OverAggregateFunction(aggregate, frame, in.rowtime()))
                .name("OverAggregate[partition " + group.keys + " " + (frame.isRows() ? "ROWS " : "RANGE ")
                        + group.lowerBound + " " + group.aggCalls + "]");
        return new Translated(out, in.rowtime());
    }

    private static OverFrame frame(Window.Group group, Window window) {
        RexWindowBound lower = group.lowerBound;
        if (lower.isUnbounded() && lower.isPreceding()) {
            return new OverFrame(group.isRows, -1, -1);
        }
        if (lower.isCurrentRow()) {
            return new OverFrame(group.isRows, 0, 0);
        }
        RexNode offset = lower.getOffset();
        int fields = window.getInput().getRowType().getFieldCount();
        if (offset instanceof RexInputRef ref && ref.getIndex() >= fields) {
            offset = window.constants.get(ref.getIndex() - fields); // a window's constants follow its input's fields
        }
        if (!lower.isPreceding() || !(offset instanceof RexLiteral lit)) {
            throw new SqlPlanningException("OVER frame " + lower + " is not supported (n PRECEDING, INTERVAL PRECEDING,"
                    + " UNBOUNDED PRECEDING are)");
        }
        long n = lit.getValueAs(BigDecimal.class).longValue();
        return group.isRows ? new OverFrame(true, n, -1) : new OverFrame(false, -1, n);
    }

    private static AggSpec spec(Window.RexWinAggCall call) {
        String name = call.getOperator().getName();
        if (call.distinct) {
            throw new SqlPlanningException(name + "(DISTINCT ...) OVER is not supported yet");
        }
        AggSpec.Kind kind = switch (call.getOperator().getKind()) {
            case COUNT -> AggSpec.Kind.COUNT;
            case SUM -> AggSpec.Kind.SUM;
            case SUM0 -> AggSpec.Kind.SUM0;
            case MIN -> AggSpec.Kind.MIN;
            case MAX -> AggSpec.Kind.MAX;
            case AVG -> AggSpec.Kind.AVG;
            default -> throw new SqlPlanningException(name + " OVER is not supported yet (COUNT, SUM, AVG, MIN, MAX are)");
        };
        List<RexNode> operands = call.getOperands();
        if (operands.size() > 1 || (!operands.isEmpty() && !(operands.get(0) instanceof RexInputRef))) {
            throw new SqlPlanningException(name + " OVER takes one column");
        }
        int arg = operands.isEmpty() ? -1 : ((RexInputRef) operands.get(0)).getIndex();
        return new AggSpec(kind, arg, call.getType().getSqlTypeName());
    }
}
