package io.runnel.sql.planner;

import io.runnel.api.DataStream;
import io.runnel.sql.data.Row;
import io.runnel.sql.exec.AggSpec;
import io.runnel.sql.exec.GroupKeySelector;
import io.runnel.sql.exec.SqlAggregate;
import io.runnel.sql.exec.over.OverAggregateFunction;
import io.runnel.sql.exec.over.OverFrame;
import io.runnel.sql.exec.over.UpdatingOverFunction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * OVER aggregation ({@code COUNT/SUM/AVG/MIN/MAX(...) OVER (PARTITION BY k ORDER BY c ROWS|RANGE BETWEEN ...
 * PRECEDING AND CURRENT ROW)}) keyed by the partition columns, the aggregates appended to the input's rows. An
 * insert-only input ordered by its event-time attribute goes to the over-aggregate operator, which emits each row once
 * when the watermark passes it and keeps the time attribute, as Flink's. Anything else (an updating input, as in
 * Nexmark q6, or another order) goes to the updating one, whose output is a changelog: a change updates the rows
 * whose frames it falls in.
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
        if (!group.upperBound.isCurrentRow()) {
            throw new SqlPlanningException("OVER windows must end at CURRENT ROW (got " + group.upperBound + ")");
        }
        OverFrame frame = frame(group, window);
        List<AggSpec> specs = new ArrayList<>();
        for (Window.RexWinAggCall call : group.aggCalls) {
            specs.add(spec(call));
        }
        SqlAggregate aggregate = new SqlAggregate(specs.toArray(AggSpec[]::new));
        List<RelFieldCollation> order = group.orderKeys.getFieldCollations();
        String name = (frame.isRows() ? "ROWS " : "RANGE ") + group.lowerBound + " " + group.aggCalls + "]";
        if (in.mode().insertOnly() && order.size() == 1 && order.get(0).getFieldIndex() == in.rowtime()
                && !order.get(0).getDirection().isDescending()) {
            DataStream<Row> out = in.stream().keyBy(new GroupKeySelector(group.keys.toArray()))
                    .process(new OverAggregateFunction(aggregate, frame, in.rowtime()))
                    .name("OverAggregate[partition " + group.keys + " " + name);
            streams.lateRowsOf(out, window.getInput().getRowType());
            return new Translated(out, in.rowtime());
        }
        if (order.isEmpty()) {
            throw new SqlPlanningException("OVER windows need an ORDER BY");
        }
        int rangeColumn = frame.isRows() || frame.unbounded() || frame.rangeMillis() == 0 ? -1 : rangeColumn(order, window);
        UpdatingOverFunction fn = new UpdatingOverFunction(aggregate, frame, RankTranslator.order(order), rangeColumn,
                streams.options().stateTtl());
        DataStream<Row> out = in.stream().keyBy(new GroupKeySelector(group.keys.toArray())).process(fn)
                .name("UpdatingOverAggregate[partition " + group.keys + " order " + group.orderKeys + " " + name);
        return Translated.updating(out);
    }

    /**
     * The column of a {@code RANGE BETWEEN d PRECEDING} frame outside event time: one ascending ORDER BY column whose
     * values are whole numbers (an integer or a timestamp's milliseconds), as the offset is.
     */
    private static int rangeColumn(List<RelFieldCollation> order, Window window) {
        RelFieldCollation c = order.get(0);
        SqlTypeName type = window.getInput().getRowType().getFieldList().get(c.getFieldIndex()).getType().getSqlTypeName();
        boolean whole = SqlTypeName.INT_TYPES.contains(type) || type == SqlTypeName.TIMESTAMP
                || type == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
        if (order.size() != 1 || c.getDirection().isDescending() || !whole) {
            throw new SqlPlanningException("OVER RANGE frames with an offset need one ascending ORDER BY column of an"
                    + " integer or timestamp type (got " + order + " of " + type + ")");
        }
        return c.getFieldIndex();
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
        if (call.getOperator() instanceof org.apache.calcite.sql.validate.SqlUserDefinedAggFunction u
                && u.function instanceof io.runnel.sql.functions.UserAggregateDefinition d) {
            int[] args = new int[call.getOperands().size()];
            for (int i = 0; i < args.length; i++) {
                if (!(call.getOperands().get(i) instanceof RexInputRef ref)) {
                    throw new SqlPlanningException(name + " OVER takes columns as its arguments");
                }
                args[i] = ref.getIndex();
            }
            return AggSpec.user(new io.runnel.sql.exec.UserAggregate(d.className(), args), call.getType().getSqlTypeName(), -1);
        }
        AggSpec.Kind kind = switch (call.getOperator().getKind()) {
            case COUNT -> AggSpec.Kind.COUNT;
            case SUM -> AggSpec.Kind.SUM;
            case SUM0 -> AggSpec.Kind.SUM0;
            case MIN -> AggSpec.Kind.MIN;
            case MAX -> AggSpec.Kind.MAX;
            case AVG -> AggSpec.Kind.AVG;
            default -> throw new SqlPlanningException(name + " OVER is not supported yet (COUNT, SUM, AVG, MIN, MAX and user aggregate functions are)");
        };
        List<RexNode> operands = call.getOperands();
        if (operands.size() > 1 || (!operands.isEmpty() && !(operands.get(0) instanceof RexInputRef))) {
            throw new SqlPlanningException(name + " OVER takes one column");
        }
        int arg = operands.isEmpty() ? -1 : ((RexInputRef) operands.get(0)).getIndex();
        return new AggSpec(kind, arg, call.getType().getSqlTypeName());
    }
}
