package io.runnel.sql.planner;

import io.runnel.api.DataStream;
import io.runnel.sql.data.Row;
import io.runnel.sql.exec.CompiledCalc;
import io.runnel.sql.exec.join.IntervalJoinFunction;
import io.runnel.sql.exec.join.JoinKind;
import io.runnel.sql.exec.join.WatermarkHold;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * An equi-join of two insert-only inputs with event time whose condition bounds the left's time attribute against the
 * right's ({@code l.ts BETWEEN r.ts - INTERVAL ... AND r.ts + INTERVAL ...}, or two comparisons): Flink's interval
 * join, whose state the watermark drops. The result keeps a time attribute, as Flink's does: the left's for INNER and
 * LEFT joins, the right's for RIGHT (the other side can be null there), none for FULL. Its rows can be behind the
 * join's input watermark by the bound on that side's time, so the output watermark is held back by as much.
 */
final class IntervalJoinTranslator {
    private final StreamTranslator streams;

    IntervalJoinTranslator(StreamTranslator streams) {
        this.streams = streams;
    }

    /** The interval join, or null when the join is not one (it then runs as a regular join). */
    Translated tryTranslate(Join join, JoinKind kind, JoinInfo info, Translated left, Translated right) {
        if (left.rowtime() < 0 || right.rowtime() < 0 || !left.mode().insertOnly() || !right.mode().insertOnly()) {
            return null;
        }
        int nl = join.getLeft().getRowType().getFieldCount();
        int nr = join.getRight().getRowType().getFieldCount();
        IntervalBounds bounds = IntervalBounds.of(info.nonEquiConditions, left.rowtime(), nl + right.rowtime());
        if (bounds == null) {
            return null;
        }
        RexBuilder rex = join.getCluster().getRexBuilder();
        CompiledCalc residual = null;
        if (!bounds.residual().isEmpty()) {
            RelDataType joined = join.getRowType();
            residual = CalcCodegen.calc(rex, joined, RexUtil.composeConjunction(rex, bounds.residual()), identity(rex, joined));
        }
        int rowtime = kind == JoinKind.FULL ? -1 : kind == JoinKind.RIGHT ? nl + right.rowtime() : left.rowtime();
        // how far the kept time can be behind the watermark: tl >= tr + lower, tr >= tl - upper
        long delay = Math.max(0, kind == JoinKind.RIGHT ? bounds.upper() : -bounds.lower());
        IntervalJoinFunction fn = new IntervalJoinFunction(kind, nl, nr, left.rowtime(), right.rowtime(), bounds.lower(),
                bounds.upper(), residual, rowtime >= 0);
        DataStream<Row> out = left.stream().connect(right.stream())
                .keyBy(new io.runnel.sql.exec.join.JoinKeySelector(info.leftKeys.toIntArray(), 0),
                        new io.runnel.sql.exec.join.JoinKeySelector(info.rightKeys.toIntArray(), 1))
                .process(fn)
                .name("IntervalJoin[" + kind + " on " + info.getEquiCondition(join.getLeft(), join.getRight(), rex)
                        + ", " + bounds.lower() + " ms <= " + name(join, left.rowtime()) + " - " + name(join, nl + right.rowtime())
                        + " <= " + bounds.upper() + " ms" + (residual == null ? "" : ", where " + bounds.residual()) + "]");
        streams.lateRowsOf(out, join.getLeft().getRowType());
        streams.lateRowsOf(io.runnel.sql.exec.late.LateRows.RIGHT_TAG, out, join.getRight().getRowType());
        if (rowtime < 0) {
            return new Translated(out, -1);
        }
        streams.markMode(out, ChangelogMode.INSERT_ONLY);
        DataStream<Row> held = out.assignTimestampsAndWatermarks(WatermarkHold.strategy(rowtime, delay))
                .name("WatermarkHold[" + (delay + 1) + " ms behind the join's]");
        streams.markMode(held, ChangelogMode.INSERT_ONLY);
        return new Translated(held.filter(WatermarkHold.dropMarkers()).name("DropWatermarkMarkers"), rowtime);
    }

    private static String name(Join join, int field) {
        return join.getRowType().getFieldNames().get(field);
    }

    private static List<RexNode> identity(RexBuilder rex, RelDataType type) {
        List<RexNode> refs = new ArrayList<>();
        for (int i = 0; i < type.getFieldCount(); i++) {
            refs.add(rex.makeInputRef(type.getFieldList().get(i).getType(), i));
        }
        return refs;
    }
}
