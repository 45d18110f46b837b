package io.runnel.sql.planner;

import io.runnel.api.DataStream;
import io.runnel.sql.data.Row;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Union;

/**
 * {@code UNION ALL}: the inputs' streams merged. UNION (distinct), INTERSECT and EXCEPT reach here as aggregations
 * over a UNION ALL (Calcite's rewrite rules in the optimizer). The result keeps a time attribute or window columns
 * only where every input has them at the same place, and is updating if any input is.
 */
final class UnionTranslator {
    private final StreamTranslator streams;

    UnionTranslator(StreamTranslator streams) {
        this.streams = streams;
    }

    @SuppressWarnings("unchecked")
    Translated translate(Union union) {
        if (!union.all) {
            throw new SqlPlanningException("UNION without ALL should have been planned as an aggregation");
        }
        List<Translated> ins = new ArrayList<>();
        for (RelNode input : union.getInputs()) {
            ins.add(streams.translate(input));
        }
        Translated first = ins.get(0);
        boolean updating = false;
        int rowtime = first.rowtime();
        int proctime = first.proctime();
        int[] window = first.window();
        List<DataStream<Row>> rest = new ArrayList<>();
        for (Translated t : ins) {
            updating |= t.mode().isUpdating();
            rowtime = t.rowtime() == rowtime ? rowtime : -1;
            proctime = t.proctime() == proctime ? proctime : -1;
            window = Arrays.equals(t.window(), window) ? window : null;
            if (t != first) {
                rest.add(t.stream());
            }
        }
        DataStream<Row> out = first.stream().union(rest.toArray(DataStream[]::new));
        if (updating) {
            return Translated.updating(out);
        }
        return new Translated(out, rowtime, ChangelogMode.INSERT_ONLY, window, proctime);
    }
}
