package io.runnel.sql.planner;

import io.runnel.api.DataStream;
import io.runnel.sql.data.Row;
import io.runnel.sql.exec.AggSpec;
import io.runnel.sql.exec.GroupKeySelector;
import io.runnel.sql.exec.RowWindowAssigner;
import io.runnel.sql.exec.SqlAggregate;
import io.runnel.sql.exec.WindowRowEmitter;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.core.Aggregate;

/**
 * A GROUP BY that keeps both window columns of a window aggregation's output (Nexmark q5's maximum count per window):
 * aggregated per window, emitted once when the window closes, insert-only, as Flink propagates windows, instead of
 * an updating aggregate that would retract a result per input row.
 */
final class WindowedGroupTranslator {
    static boolean applies(Aggregate agg, Translated in) {
        return in.window() != null && in.mode().insertOnly() && agg.getGroupType() == Aggregate.Group.SIMPLE
                && agg.getGroupSet().get(in.window()[0]) && agg.getGroupSet().get(in.window()[1]);
    }

    Translated translate(Aggregate agg, Translated in) {
        int start = in.window()[0];
        int end = in.window()[1];
        List<Integer> keys = new ArrayList<>();
        List<Integer> layout = new ArrayList<>();
        for (int g : agg.getGroupSet()) {
            if (g == start) {
                layout.add(WindowRowEmitter.WINDOW_START);
            } else if (g == end) {
                layout.add(WindowRowEmitter.WINDOW_END);
            } else {
                layout.add(keys.size());
                keys.add(g);
            }
        }
        int[] noWindow = new int[agg.getInput().getRowType().getFieldCount()];
        AggSpec[] specs = agg.getAggCallList().stream().map(c -> WindowAggTranslator.spec(c, noWindow)).toArray(AggSpec[]::new);
        SqlAggregate aggregate = new SqlAggregate(specs);
        DataStream<Row> out = in.stream().keyBy(new GroupKeySelector(keys.stream().mapToInt(Integer::intValue).toArray()))
                .window(new RowWindowAssigner(start, end))
                .aggregate(aggregate, new WindowRowEmitter(layout.stream().mapToInt(Integer::intValue).toArray(), aggregate))
                .name("WindowAggregate[per upstream window, group " + agg.getGroupSet() + " " + agg.getAggCallList() + "]");
        return Translated.windowed(out, layout.indexOf(WindowRowEmitter.WINDOW_START), layout.indexOf(WindowRowEmitter.WINDOW_END));
    }
}
