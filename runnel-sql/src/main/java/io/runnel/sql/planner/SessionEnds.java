package io.runnel.sql.planner;

import io.runnel.sql.functions.RunnelOperators;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/**
 * The {@code $SESSION_END_OF} markers of a calc over a legacy session aggregation, replaced by the
 * session end column the aggregation appends after its own columns.
 */
final class SessionEnds {
    private final RelDataType extended;
    private final int endIndex;

    private final RelDataType endType;

    /** {@code marker}: one of the markers, whose type the end column takes. */
    SessionEnds(RelDataTypeFactory types, RelDataType aggregateType, RexCall marker) {
        endIndex = aggregateType.getFieldCount();
        endType = marker.getType();
        extended = types.builder().addAll(aggregateType.getFieldList()).add("$session_end", endType).build();
    }

    /** A marker of the projections or the condition, or null when there is none. */
    static RexCall find(List<RexNode> projects, RexNode condition) {
        RexCall[] found = {null};
        RexShuttle finder = new RexShuttle() {
            @Override
            public RexNode visitCall(RexCall call) {
                if (call.getOperator() == RunnelOperators.SESSION_END_OF && found[0] == null) {
                    found[0] = call;
                }
                return super.visitCall(call);
            }
        };
        projects.forEach(p -> p.accept(finder));
        if (condition != null) {
            condition.accept(finder);
        }
        return found[0];
    }

    /** The aggregation's row type with the end column after it. */
    RelDataType extendedType() {
        return extended;
    }

    List<RexNode> replace(List<RexNode> nodes) {
        RexShuttle replacer = new RexShuttle() {
            @Override
            public RexNode visitCall(RexCall call) {
                if (call.getOperator() == RunnelOperators.SESSION_END_OF) {
                    return new RexInputRef(endIndex, endType);
                }
                return super.visitCall(call);
            }
        };
        return nodes.stream().map(n -> n.accept(replacer)).toList();
    }
}
