package io.runnel.sql.planner;

import io.runnel.api.DataStream;
import io.runnel.api.StreamEnvironment;
import io.runnel.sql.catalog.TableDef;
import io.runnel.sql.data.Row;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;

/** From a SELECT to streams: plans with {@link SqlPlanner}, translates with {@link StreamTranslator}. */
public final class QueryPlanner {
    private final SqlPlanner planner = new SqlPlanner();

    public void register(TableDef def) {
        planner.register(def);
    }

    public RelNode optimized(String sql) {
        return planner.plan(sql);
    }

    public DataStream<Row> translate(String sql, StreamEnvironment env) {
        return new StreamTranslator(env).translate(planner.plan(sql)).stream();
    }

    /** The optimized tree, then the operators it translates to on a scratch environment of that parallelism. */
    public String explain(String sql, int parallelism) {
        RelNode rel = planner.plan(sql);
        StreamEnvironment scratch = StreamEnvironment.create().setParallelism(parallelism);
        StreamTranslator translator = new StreamTranslator(scratch);
        DataStream<Row> out = translator.translate(rel).stream();
        return "== Optimized logical plan ==\n" + RelOptUtil.toString(rel) + "\n== Physical plan ==\n"
                + PlanPrinter.print(out.transformation(), parallelism, translator.modes());
    }
}
