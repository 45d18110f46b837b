package io.runnel.sql;

import io.runnel.api.DataStream;
import io.runnel.api.StreamEnvironment;
import io.runnel.sql.catalog.TableDef;
import io.runnel.sql.data.Row;
import io.runnel.sql.live.LiveView;
import io.runnel.sql.live.LiveViewSink;
import io.runnel.sql.live.LiveViews;
import io.runnel.sql.parser.RunnelSqlParser;
import io.runnel.sql.parser.SqlCreateFunction;
import io.runnel.sql.parser.SqlCreateTable;
import io.runnel.sql.parser.SqlCreateView;
import io.runnel.sql.parser.SqlDescribeTable;
import io.runnel.sql.parser.SqlDropObject;
import io.runnel.sql.parser.SqlExplainStatement;
import io.runnel.sql.parser.SqlResetStatement;
import io.runnel.sql.parser.SqlSetStatement;
import io.runnel.sql.parser.SqlShowObjects;
import io.runnel.sql.parser.SqlStatementSet;
import io.runnel.sql.planner.PlannedQuery;
import io.runnel.sql.planner.QueryPlanner;
import io.runnel.sql.planner.SqlPlanningException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;

/**
 * SQL on a stream environment, as Flink's TableEnvironment: statements register tables, views and functions, and
 * queries become streams of rows on the same job as the environment's other streams. Run the job with
 * {@link StreamEnvironment#execute(String)} once the statements are in.
 */
public final class SqlEnvironment {
    private final StreamEnvironment env;
    private final QueryPlanner planner;
    private final SqlOptions options;
    private final LiveViews liveViews;

    private SqlEnvironment(StreamEnvironment env, QueryPlanner planner, SqlOptions options, LiveViews liveViews) {
        this.env = env;
        this.planner = planner;
        this.options = options;
        this.liveViews = liveViews;
    }

    public static SqlEnvironment create(StreamEnvironment env) {
        QueryPlanner planner = new QueryPlanner();
        SqlOptions options = new SqlOptions();
        planner.options(new io.runnel.sql.planner.PlannerOptions(options.all()));
        return new SqlEnvironment(env, planner, options, new LiveViews());
    }

    /**
     * An environment for another job, {@code next}, that shares this one's catalog (tables, views, functions) and
     * options: a shell or a server session runs each INSERT or query as its own job over one catalog. The options
     * set so far apply to {@code next}; later changes apply to the environment they are made on and the catalog.
     */
    public SqlEnvironment newJob(StreamEnvironment next) {
        options.all().forEach((k, v) -> options.apply(k, v, next));
        return new SqlEnvironment(next, planner, options, liveViews);
    }

    public StreamEnvironment streamEnvironment() {
        return env;
    }

    /** Registers a table; its name must be new. */
    public SqlEnvironment registerTable(TableDef def) {
        planner.register(def);
        return this;
    }

    /** Registers a view over {@code query}; {@code columns} renames its columns when not empty. */
    public SqlEnvironment createView(String name, List<String> columns, String query) {
        planner.planner().registerView(name, columns, query, true);
        return this;
    }

    /**
     * A stream of rows on this job as the table {@code name}; {@code schema} is the column list of a CREATE TABLE
     * (columns in the rows' order, computed columns, a WATERMARK), e.g.
     * {@code "id BIGINT, product STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND"}.
     */
    public SqlEnvironment fromDataStream(String name, DataStream<Row> rows, String schema) {
        String id = io.runnel.sql.connect.datastream.DataStreamConnector.register(env, rows);
        executeSql("CREATE TEMPORARY TABLE `" + name.replace("`", "``") + "` (" + schema
                + ") WITH ('connector' = 'datastream', 'stream-id' = '" + id + "')");
        return this;
    }

    /** The rows of {@code select}, added to the environment's job; a changelog when the query updates its rows. */
    public DataStream<Row> sqlQuery(String select) {
        return planner.translate(select, env);
    }

    /** As {@link #planQuery(String)}, with planner options for this query only (on top of those SET). */
    public PlannedQuery planQuery(String select, java.util.Map<String, String> queryOptions) {
        return planner.plan(select, env, queryOptions);
    }

    /** Whether {@code select}'s optimized plan aggregates (GROUP BY, a window aggregation, DISTINCT). */
    public boolean aggregates(String select) {
        return io.runnel.sql.planner.OutputModeRules.aggregates(planner.optimized(select));
    }

    /** As {@link #sqlQuery}, with the result's columns and changelog mode. */
    public PlannedQuery planQuery(String select) {
        return planner.plan(select, env);
    }

    /** The rows of an insert-only query; a query that updates its rows is rejected, naming the operator. */
    public DataStream<Row> toDataStream(String select) {
        PlannedQuery q = planQuery(select);
        if (q.mode().isUpdating()) {
            throw new SqlPlanningException("the query updates rows it emitted before (" + q.updatingOperator()
                    + "); read it with toChangelogStream, or make it insert-only");
        }
        return q.stream();
    }

    /** The rows of any query as a changelog (insert, update-before, update-after, delete). */
    public DataStream<Row> toChangelogStream(String select) {
        return sqlQuery(select);
    }

    /** The columns of {@code select} (names, SQL types, time attributes): planned, not translated onto a job. */
    public org.apache.calcite.rel.type.RelDataType rowType(String select) {
        return planner.optimized(select).getRowType();
    }

    /** The optimized relational plan and the physical plan {@code select} would run as. */
    public String explain(String select) {
        return planner.explain(select, env.parallelism());
    }

    /** The catalog's materialized views, which ad-hoc queries read. */
    public LiveViews liveViews() {
        return liveViews;
    }

    /** The names of the catalog's tables and views, for a shell's completion. */
    public List<String> tableNames() {
        return planner.planner().tableNames();
    }

    /** Whether {@code name} is a view (a materialized one too) rather than a table. */
    public boolean isView(String name) {
        var table = planner.planner().table(name);
        return table != null && table.isView();
    }

    /** The column names of table or view {@code name}, in order; empty if there is no such table. */
    public List<String> columnNames(String name) {
        var table = planner.planner().table(name);
        return table == null ? List.of() : table.getRowType(null).getFieldNames();
    }

    /** The value a {@code SET} gave {@code key}, null if none. */
    public String option(String key) {
        return options.get(key);
    }

    /** Runs one statement of Flink's dialect (no trailing {@code ;}). */
    public StatementResult executeSql(String statement) {
        return execute(RunnelSqlParser.parse(statement));
    }

    /** Runs one parsed statement. */
    public StatementResult execute(SqlNode node) {
        if (node instanceof SqlCreateTable t) {
            if (t.ifNotExists() && planner.planner().table(t.toTableDef().name()) != null) {
                return StatementResult.ok("table " + t.toTableDef().name() + " exists already");
            }
            registerTable(t.toTableDef());
            return StatementResult.ok("created table " + t.toTableDef().name());
        }
        if (node instanceof SqlCreateView v && v.materialized()) {
            return materialize(v);
        }
        if (node instanceof SqlCreateView v) {
            if (v.ifNotExists() && planner.planner().table(v.name()) != null) {
                return StatementResult.ok("view " + v.name() + " exists already");
            }
            planner.planner().registerView(v.name(), v.columnNames(), v.query(), v.temporary());
            return StatementResult.ok("created view " + v.name());
        }
        if (node instanceof SqlCreateFunction f) {
            if (f.ifNotExists() && planner.planner().functionNames().contains(f.name())) {
                return StatementResult.ok("function " + f.name() + " exists already");
            }
            if (!f.language().equals("JAVA")) {
                throw new SqlPlanningException("CREATE FUNCTION " + f.name() + ": LANGUAGE " + f.language() + " is not supported (JAVA is)");
            }
            planner.planner().registerFunction(f.name(), f.className());
            return StatementResult.ok("created function " + f.name());
        }
        if (node instanceof SqlDropObject d) {
            return drop(d);
        }
        if (node instanceof SqlSetStatement s) {
            return set(s);
        }
        if (node instanceof SqlResetStatement r) {
            options.reset(r.key());
            return StatementResult.ok(r.key() == null ? "reset all options" : "reset " + r.key());
        }
        if (node instanceof SqlShowObjects show) {
            return show(show);
        }
        if (node instanceof SqlDescribeTable d) {
            return StatementResult.lines(TableDescription.of(planner.planner(), d.name()));
        }
        if (node instanceof SqlExplainStatement e) {
            return explain(e.statement());
        }
        if (node instanceof SqlStatementSet set) {
            List<String> lines = new ArrayList<>();
            for (SqlInsert insert : set.inserts()) {
                lines.addAll(insert(insert).lines());
            }
            return new StatementResult(lines, null, true);
        }
        if (node instanceof SqlInsert insert) {
            return insert(insert);
        }
        return new StatementResult(List.of(), planner.plan(node, env), false);
    }

    private StatementResult insert(SqlInsert insert) {
        if (insert.getTargetColumnList() != null && insert.getTargetColumnList().size() > 0) {
            throw new SqlPlanningException("INSERT INTO " + insert.getTargetTable() + " (columns): a column list is not supported yet;"
                    + " select the table's columns in order");
        }
        String table = insert.getTargetTable().toString().replace("`", "");
        PlannedQuery q = planner.insert(table, insert.getSource(), env);
        return new StatementResult(List.of("INSERT INTO " + table), q, true);
    }

    private StatementResult explain(SqlNode statement) {
        SqlNode query = statement instanceof SqlInsert insert ? insert.getSource() : statement;
        String plan = planner.explain(query, env.parallelism());
        List<String> lines = new ArrayList<>();
        if (statement instanceof SqlInsert insert) {
            lines.add("== Sink ==");
            lines.add("INSERT INTO " + insert.getTargetTable());
        }
        lines.addAll(List.of(plan.split("\n")));
        return StatementResult.lines(lines);
    }

    /**
     * Plans the view's query onto this job, folded by a {@link LiveViewSink} into the view's table, and names the query
     * as a view too, so DESCRIBE shows it and streaming queries may read it (they run its query).
     */
    private StatementResult materialize(SqlCreateView v) {
        if (planner.planner().table(v.name()) != null) {
            if (v.ifNotExists() && liveViews.get(v.name()) != null) {
                return StatementResult.ok("materialized view " + v.name() + " exists already");
            }
            throw new SqlPlanningException("CREATE MATERIALIZED VIEW " + v.name() + ": a table or view of that name exists already");
        }
        PlannedQuery q = planner.plan(v.query(), env);
        org.apache.calcite.rel.type.RelDataType rowType = q.rowType();
        if (!v.columnNames().isEmpty()) {
            if (v.columnNames().size() != rowType.getFieldCount()) {
                throw new SqlPlanningException("CREATE MATERIALIZED VIEW " + v.name() + ": " + v.columnNames().size()
                        + " column names for a query of " + rowType.getFieldCount() + " columns");
            }
            rowType = planner.planner().typeFactory().createStructType(
                    rowType.getFieldList().stream().map(f -> f.getType()).toList(), v.columnNames());
        }
        LiveView view = liveViews.create(v.name(), rowType, q.mode().insertOnly() ? new int[0] : q.mode().upsertKey());
        q.stream().sinkTo(new LiveViewSink(view.id())).name("materialized view " + v.name())
                .uid("materialized-view-" + v.name()).setParallelism(1);
        planner.planner().registerView(v.name(), v.columnNames(), v.query(), v.temporary());
        return new StatementResult(List.of("created materialized view " + v.name()), q, true);
    }

    private StatementResult drop(SqlDropObject d) {
        if (d.objectKind() == SqlDropObject.ObjectKind.MATERIALIZED_VIEW) {
            LiveView view = liveViews.get(d.name());
            if (view == null) {
                if (d.ifExists()) {
                    return StatementResult.ok("no materialized view " + d.name());
                }
                throw new SqlPlanningException("DROP MATERIALIZED VIEW " + d.name() + ": there is no materialized view of that name");
            }
            liveViews.remove(d.name());
            planner.planner().unregister(d.name());
            return StatementResult.ok("dropped materialized view " + d.name());
        }
        if (d.objectKind() == SqlDropObject.ObjectKind.FUNCTION) {
            if (planner.planner().unregisterFunction(d.name())) {
                return StatementResult.ok("dropped function " + d.name());
            }
            if (d.ifExists()) {
                return StatementResult.ok("no function " + d.name());
            }
            throw new SqlPlanningException("DROP FUNCTION " + d.name() + ": there is no user-defined function of that name");
        }
        var existing = planner.planner().table(d.name());
        boolean isView = existing != null && existing.isView();
        boolean wantView = d.objectKind() == SqlDropObject.ObjectKind.VIEW;
        if (wantView && liveViews.get(d.name()) != null) {
            throw new SqlPlanningException("DROP VIEW " + d.name() + ": it is a materialized view; drop it with DROP MATERIALIZED VIEW");
        }
        if (existing == null || isView != wantView) {
            if (d.ifExists()) {
                return StatementResult.ok("no " + d.objectKind().name().toLowerCase(java.util.Locale.ROOT) + " " + d.name());
            }
            throw new SqlPlanningException("DROP " + d.objectKind() + " " + d.name() + ": there is no "
                    + d.objectKind().name().toLowerCase(java.util.Locale.ROOT) + " of that name"
                    + (existing != null ? " (it is a " + (isView ? "view" : "table") + ")" : ""));
        }
        planner.planner().unregister(d.name());
        return StatementResult.ok("dropped " + d.name());
    }

    private StatementResult set(SqlSetStatement s) {
        if (s.key() == null) {
            List<String> lines = new ArrayList<>();
            options.all().forEach((k, v) -> lines.add("'" + k + "' = '" + v + "'"));
            return StatementResult.lines(lines);
        }
        options.set(s.key(), s.value(), env);
        return StatementResult.ok("set " + s.key() + " = " + s.value());
    }

    private StatementResult show(SqlShowObjects show) {
        return switch (show.listing()) {
            case TABLES -> StatementResult.lines(planner.planner().tableNames().stream()
                    .filter(n -> !planner.planner().table(n).isView()).toList());
            case VIEWS -> StatementResult.lines(planner.planner().tableNames().stream()
                    .filter(n -> planner.planner().table(n).isView()).toList());
            case FUNCTIONS -> StatementResult.lines(planner.planner().functionNames());
        };
    }
}
