package io.runnel.sql.planner;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * {@code GROUP BY GROUPING SETS (...)}, {@code ROLLUP}, {@code CUBE} on a stream, as Flink runs them: one aggregation
 * per grouping set, the columns a set leaves out NULL and {@code GROUPING(...)}/{@code GROUPING_ID(...)} as the
 * constant of its set, merged by a UNION ALL. Each set's aggregation is an ordinary one (a changelog when not over
 * windows), so the merged result is too.
 */
final class GroupingSets {
    private GroupingSets() {}

    static boolean applies(Aggregate agg) {
        return agg.getGroupType() != Aggregate.Group.SIMPLE;
    }

    static RelNode expand(Aggregate agg) {
        RelBuilder b = RelBuilder.proto(Contexts.empty()).create(agg.getCluster(), null);
        List<Integer> groupColumns = agg.getGroupSet().asList();
        List<RelDataTypeField> outFields = agg.getRowType().getFieldList();
        int branches = 0;
        for (ImmutableBitSet set : agg.getGroupSets()) {
            b.push(agg.getInput());
            List<AggregateCall> plain = new ArrayList<>();
            for (AggregateCall c : agg.getAggCallList()) {
                if (!isGrouping(c)) {
                    plain.add(c.adaptTo(agg.getInput(), c.getArgList(), c.filterArg, agg.getGroupCount(), set.cardinality()));
                }
            }
            b.aggregate(b.groupKey(set), plain);
            List<RexNode> projects = new ArrayList<>();
            List<Integer> setColumns = set.asList();
            for (int i = 0; i < groupColumns.size(); i++) {
                int at = setColumns.indexOf(groupColumns.get(i));
                projects.add(at >= 0 ? b.field(at) : b.getRexBuilder().makeNullLiteral(outFields.get(i).getType()));
            }
            int next = set.cardinality();
            for (AggregateCall c : agg.getAggCallList()) {
                projects.add(isGrouping(c) ? b.literal(groupingValue(c, set)) : b.field(next++));
            }
            b.project(projects);
            b.convert(agg.getRowType(), true); // the types (nullability) and names of the grouping-sets aggregate
            branches++;
        }
        b.union(true, branches);
        return SqlPlanner.optimize(b.build());
    }

    private static boolean isGrouping(AggregateCall c) {
        SqlKind k = c.getAggregation().getKind();
        return k == SqlKind.GROUPING || k == SqlKind.GROUPING_ID || k == SqlKind.GROUP_ID;
    }

    /** GROUPING(a, b, ...): a bit per argument, the first the highest, set when the set leaves it out; GROUP_ID 0. */
    private static long groupingValue(AggregateCall c, ImmutableBitSet set) {
        if (c.getAggregation().getKind() == SqlKind.GROUP_ID) {
            return 0;
        }
        long v = 0;
        for (int arg : c.getArgList()) {
            v = (v << 1) | (set.get(arg) ? 0 : 1);
        }
        return v;
    }
}
