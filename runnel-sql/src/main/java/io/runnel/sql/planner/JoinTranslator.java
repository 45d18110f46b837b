package io.runnel.sql.planner;

import io.runnel.api.DataStream;
import io.runnel.sql.data.Row;
import io.runnel.sql.exec.CompiledCalc;
import io.runnel.sql.exec.join.JoinKind;
import io.runnel.sql.exec.join.RegularJoinFunction;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * A join onto the regular join operator: both inputs keyed by the equi-join columns, the rest of the condition
 * evaluated on each candidate pair. The result is insert-only for an inner join of insert-only inputs, otherwise
 * updating; as in Flink its time attributes become plain timestamps. A join whose condition bounds the two sides'
 * event times against each other is an interval join instead ({@link IntervalJoinTranslator}).
 */
final class JoinTranslator {
    private final StreamTranslator streams;

    JoinTranslator(StreamTranslator streams) {
        this.streams = streams;
    }

    Translated translate(Join join) {
        JoinKind kind = switch (join.getJoinType()) {
            case INNER -> JoinKind.INNER;
            case LEFT -> JoinKind.LEFT;
            case RIGHT -> JoinKind.RIGHT;
            case FULL -> JoinKind.FULL;
            default -> throw new SqlPlanningException(join.getJoinType() + " join (from IN / EXISTS subqueries) is not supported yet");
        };
        JoinInfo info = join.analyzeCondition();
        if (info.leftKeys.isEmpty()) {
            throw new SqlPlanningException("a join needs an equality between a column of each side (" + join.getCondition()
                    + " has none); a cross join of two streams is not supported");
        }
        RelDataType leftType = join.getLeft().getRowType();
        RelDataType rightType = join.getRight().getRowType();
        for (int i = 0; i < info.leftKeys.size(); i++) {
            RelDataType l = leftType.getFieldList().get(info.leftKeys.get(i)).getType();
            RelDataType r = rightType.getFieldList().get(info.rightKeys.get(i)).getType();
            if (l.getSqlTypeName() != r.getSqlTypeName()) {
                throw new SqlPlanningException("join keys " + leftType.getFieldNames().get(info.leftKeys.get(i)) + " (" + l + ") and "
                        + rightType.getFieldNames().get(info.rightKeys.get(i)) + " (" + r + ") differ in type; CAST one of them");
            }
        }
        Translated left = streams.translate(join.getLeft());
        Translated right = streams.translate(join.getRight());
        if (windowJoin(kind, info, left, right) == null) {
            Translated interval = new IntervalJoinTranslator(streams).tryTranslate(join, kind, info, left, right);
            if (interval != null) {
                return interval;
            }
        }
        RexBuilder rex = join.getCluster().getRexBuilder();
        CompiledCalc residual = null;
        if (!info.nonEquiConditions.isEmpty()) {
            RexNode condition = RexUtil.composeConjunction(rex, info.nonEquiConditions);
            RelDataType joined = join.getRowType(); // left fields then right; outer sides nullable
            residual = CalcCodegen.calc(rex, joined, condition, identity(rex, joined));
        }
        RegularJoinFunction fn = new RegularJoinFunction(kind, leftType.getFieldCount(), rightType.getFieldCount(), residual,
                streams.options().stateTtl());
        if (kind == JoinKind.INNER && left.mode().insertOnly() && right.mode().insertOnly()) {
            fn.appendOnly();
        }
        int[] window = windowJoin(kind, info, left, right);
        if (window != null) {
            fn.cleanUpAtWindowEnd(window[1], right.window()[1]);
        }
        DataStream<Row> out = left.stream().connect(right.stream())
                .keyBy(new io.runnel.sql.exec.join.JoinKeySelector(info.leftKeys.toIntArray(), 0),
                        new io.runnel.sql.exec.join.JoinKeySelector(info.rightKeys.toIntArray(), 1))
                .process(fn)
                .name((window != null ? "WindowJoin[" : "Join[") + kind + " on " + join.getCondition() + "]");
        if (window != null) {
            return Translated.windowed(out, window[0], window[1]);
        }
        boolean insertOnly = kind == JoinKind.INNER && left.mode().insertOnly() && right.mode().insertOnly();
        return insertOnly ? new Translated(out, -1) : Translated.updating(out);
    }

    /**
     * An inner join of two window aggregations' rows on both window columns is a window join (Flink's): its rows
     * are insert-only and windowed, and each window's state goes when the window has passed. Returns the left's
     * window columns, or null.
     */
    private static int[] windowJoin(JoinKind kind, JoinInfo info, Translated left, Translated right) {
        if (kind != JoinKind.INNER || left.window() == null || right.window() == null
                || !left.mode().insertOnly() || !right.mode().insertOnly()) {
            return null;
        }
        boolean starts = false;
        boolean ends = false;
        for (int i = 0; i < info.leftKeys.size(); i++) {
            starts |= info.leftKeys.get(i) == left.window()[0] && info.rightKeys.get(i) == right.window()[0];
            ends |= info.leftKeys.get(i) == left.window()[1] && info.rightKeys.get(i) == right.window()[1];
        }
        return starts && ends ? left.window() : null;
    }

    private static List<RexNode> identity(RexBuilder rex, RelDataType type) {
        List<RexNode> refs = new ArrayList<>();
        for (int i = 0; i < type.getFieldCount(); i++) {
            refs.add(rex.makeInputRef(type.getFieldList().get(i).getType(), i));
        }
        return refs;
    }
}
