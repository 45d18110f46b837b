package io.runnel.sql.planner;

import io.runnel.sql.exec.WindowRowEmitter;
import io.runnel.sql.functions.RunnelOperators;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlOperator;

/**
 * The markers of a calc over a legacy group-window aggregation, replaced by columns the aggregation appends after
 * its own: {@code $SESSION_END_OF} by the window's end (a session's true end), {@code $ROWTIME_OF} (from
 * {@code TUMBLE_ROWTIME}, {@code HOP_ROWTIME}, {@code SESSION_ROWTIME}) by its end - 1 ms, which is then the result's
 * time attribute, as in Flink.
 */
final class AppendedWindowColumns {
    private static final List<SqlOperator> MARKERS = List.of(RunnelOperators.SESSION_END_OF, RunnelOperators.ROWTIME_OF);
    private final RelDataType extended;
    private final List<SqlOperator> found = new ArrayList<>();
    private final int first;

    private AppendedWindowColumns(RelDataTypeFactory types, RelDataType aggregateType, List<RexCall> markers) {
        first = aggregateType.getFieldCount();
        RelDataTypeFactory.Builder b = types.builder().addAll(aggregateType.getFieldList());
        for (RexCall m : markers) {
            if (!found.contains(m.getOperator())) {
                found.add(m.getOperator());
                b.add(m.getOperator() == RunnelOperators.ROWTIME_OF ? "$rowtime" : "$window_end", m.getType());
            }
        }
        extended = b.build();
    }

    /** The markers in the projections and condition, or null when there are none. */
    static AppendedWindowColumns find(RelDataTypeFactory types, RelDataType aggregateType, List<RexNode> projects,
                                      RexNode condition) {
        List<RexCall> markers = new ArrayList<>();
        RexShuttle finder = new RexShuttle() {
            @Override
            public RexNode visitCall(RexCall call) {
                if (MARKERS.contains(call.getOperator())) {
                    markers.add(call);
                }
                return super.visitCall(call);
            }
        };
        projects.forEach(p -> p.accept(finder));
        if (condition != null) {
            condition.accept(finder);
        }
        return markers.isEmpty() ? null : new AppendedWindowColumns(types, aggregateType, markers);
    }

    /** What the aggregation appends, in order ({@link WindowRowEmitter}'s window values). */
    int[] tail() {
        return found.stream().mapToInt(op -> op == RunnelOperators.ROWTIME_OF ? WindowRowEmitter.WINDOW_TIME
                : WindowRowEmitter.WINDOW_END).toArray();
    }

    /** The appended rowtime column, or -1. */
    int rowtime() {
        int i = found.indexOf(RunnelOperators.ROWTIME_OF);
        return i < 0 ? -1 : first + i;
    }

    boolean hasSessionEnd() {
        return found.contains(RunnelOperators.SESSION_END_OF);
    }

    /** The aggregation's row type with the appended columns after it. */
    RelDataType extendedType() {
        return extended;
    }

    List<RexNode> replace(List<RexNode> nodes) {
        RexShuttle replacer = new RexShuttle() {
            @Override
            public RexNode visitCall(RexCall call) {
                int i = found.indexOf(call.getOperator());
                return i >= 0 ? new RexInputRef(first + i, call.getType()) : super.visitCall(call);
            }
        };
        return nodes.stream().map(n -> n.accept(replacer)).toList();
    }
}
