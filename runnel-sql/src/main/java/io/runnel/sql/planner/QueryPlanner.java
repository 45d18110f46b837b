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
    private PlannerOptions options = PlannerOptions.none();

    /** The options later queries are planned with. */
    public void options(PlannerOptions options) {
        this.options = options;
    }

    public void register(TableDef def) {
        planner.register(def);
    }

    public RelNode optimized(String sql) {
        return planner.plan(sql);
    }

    public DataStream<Row> translate(String sql, StreamEnvironment env) {
        return plan(sql, env).stream();
    }

    /** {@code sql} translated onto {@code env}'s job, with its row type and changelog mode. */
    public PlannedQuery plan(String sql, StreamEnvironment env) {
        return translate(planner.plan(sql), env);
    }

    /** As {@link #plan(String, StreamEnvironment)}, with options for this query only on top of the session's. */
    public PlannedQuery plan(String sql, StreamEnvironment env, java.util.Map<String, String> queryOptions) {
        return translate(planner.plan(sql), env, options.with(queryOptions));
    }

    /** A parsed query translated onto {@code env}'s job. */
    public PlannedQuery plan(org.apache.calcite.sql.SqlNode query, StreamEnvironment env) {
        return translate(planner.plan(query), env);
    }

    /** {@code INSERT INTO table query}: the query translated and written by the table's connector. */
    public PlannedQuery insert(String table, org.apache.calcite.sql.SqlNode query, StreamEnvironment env) {
        return SinkPlanner.insert(this, table, query, env);
    }

    /** EXPLAIN of a parsed query. */
    public String explain(org.apache.calcite.sql.SqlNode query, int parallelism) {
        return explain(planner.plan(query), parallelism);
    }

    PlannedQuery translate(RelNode rel, StreamEnvironment env) {
        return translate(rel, env, options);
    }

    private PlannedQuery translate(RelNode rel, StreamEnvironment env, PlannerOptions options) {
        StreamTranslator translator = new StreamTranslator(env, options);
        Translated t = translator.translate(rel);
        LateRowsSink.attach(this, translator.lateRows(), options.lateRowsSink());
        return new PlannedQuery(t.stream(), rel.getRowType(), t.mode(),
                t.mode().isUpdating() ? firstUpdating(t.stream().transformation(), translator.modes()) : null);
    }

    public SqlPlanner planner() {
        return planner;
    }

    /** The operator nearest the sources whose output is updating: where the updates come from. */
    private static String firstUpdating(io.runnel.api.graph.Transformation t,
                                        java.util.Map<io.runnel.api.graph.Transformation, ChangelogMode> modes) {
        for (io.runnel.api.graph.Transformation in : t.inputs()) {
            String below = firstUpdating(in, modes);
            if (below != null) {
                return below;
            }
        }
        ChangelogMode mine = modes.get(t);
        return mine != null && mine.isUpdating() ? t.name() : null;
    }

    /** The optimized tree, then the operators it translates to on a scratch environment of that parallelism. */
    public String explain(String sql, int parallelism) {
        return explain(planner.plan(sql), parallelism);
    }

    private String explain(RelNode rel, int parallelism) {
        StreamEnvironment scratch = StreamEnvironment.create().setParallelism(parallelism);
        StreamTranslator translator = new StreamTranslator(scratch, options);
        DataStream<Row> out = translator.translate(rel).stream();
        return "== Optimized logical plan ==\n" + RelOptUtil.toString(rel) + "\n== Physical plan ==\n"
                + PlanPrinter.print(out.transformation(), parallelism, translator.modes());
    }
}
