package io.runnel.sql.planner;

import io.runnel.api.StreamEnvironment;
import io.runnel.sql.SqlEnvironment;
import io.runnel.sql.catalog.ColumnDef;
import io.runnel.sql.catalog.TableDef;
import io.runnel.sql.catalog.WatermarkDef;
import io.runnel.sql.data.Row;
import io.runnel.testing.CollectSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.schema.impl.ViewTable;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParser;

/** Tables over the {@code values} connector, run both streaming and by Calcite's own batch executor (the oracle). */
final class SqlTestKit {
    record Table(TableDef def, List<Row> rows) {}

    private final Map<String, Table> tables = new LinkedHashMap<>();

    /** {@code columns}: "name TYPE, name AS expression, ..." (no commas inside); {@code watermark}: "col" or "col - INTERVAL ..." or null. */
    SqlTestKit table(String name, String columns, String rowtime, String watermark, List<Row> rows) {
        return table(name, columns, rowtime, watermark, List.of(), null, rows);
    }

    /**
     * A table with a primary key; {@code changelogMode} (the values connector's, "upsert" or "all", or null: inserts) says
     * how its rows, each with its kind, are read. The oracle sees only the rows' fields.
     */
    SqlTestKit table(String name, String columns, String rowtime, String watermark, List<String> primaryKey, String changelogMode,
                     List<Row> rows) {
        List<ColumnDef> cols = new ArrayList<>();
        for (String c : columns.split(",")) {
            String[] nt = c.trim().split("\\s+", 2);
            cols.add(nt[1].startsWith("AS ") ? new ColumnDef(nt[0], null, expression(nt[1].substring(3)), null, false, null)
                    : ColumnDef.physical(nt[0], type(nt[1])));
        }
        WatermarkDef wm = rowtime == null ? null : new WatermarkDef(rowtime, expression(watermark));
        Map<String, String> options = new LinkedHashMap<>(Map.of("connector", "values", "data-id", ValuesConnector.register(rows)));
        if (changelogMode != null) {
            options.put("changelog-mode", changelogMode);
        }
        TableDef def = new TableDef(name, cols, wm, primaryKey, options, false, null);
        tables.put(name, new Table(def, rows));
        return this;
    }

    static SqlDataTypeSpec type(String type) {
        SqlBasicCall cast = (SqlBasicCall) expression("CAST(NULL AS " + type + ")");
        return (SqlDataTypeSpec) cast.operand(1);
    }

    static SqlNode expression(String sql) {
        try {
            return SqlParser.create(sql, SqlPlanner.PARSER).parseExpression();
        } catch (Exception e) {
            throw new IllegalArgumentException(sql, e);
        }
    }

    List<TableDef> sqlEnvironmentTables() {
        return tables.values().stream().map(Table::def).toList();
    }

    private final List<String> statements = new ArrayList<>();

    /** A statement (CREATE FUNCTION, SET) every streaming environment of this kit runs first. */
    SqlTestKit statement(String sql) {
        statements.add(sql);
        return this;
    }

    SqlEnvironment sqlEnvironment(StreamEnvironment env) {
        SqlEnvironment sql = SqlEnvironment.create(env);
        tables.values().forEach(t -> sql.registerTable(t.def()));
        statements.forEach(sql::executeSql);
        return sql;
    }

    /** The rows the streaming job emits, at {@code parallelism}. */
    List<Row> stream(String query, int parallelism) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        CollectSink<Row> sink = new CollectSink<>();
        sqlEnvironment(env).sqlQuery(query).sinkTo(sink);
        env.execute("sql test");
        List<Row> out = new ArrayList<>(sink.results());
        sink.clear();
        return out;
    }

    /** The rows Calcite's Enumerable executor computes for {@code query} over the same rows. */
    List<Row> oracle(String query) throws Exception {
        QueryPlanner types = new QueryPlanner();
        Map<String, io.runnel.sql.oracle.CalciteBatch.Table> finite = new LinkedHashMap<>();
        List<Table> computedTables = new ArrayList<>();
        for (Table t : tables.values()) {
            types.register(t.def());
            boolean computed = ComputedColumns.has(t.def());
            String physical = computed ? ComputedColumns.physicalTable(t.def()) : t.def().name();
            RelDataType rowType = types.optimized("SELECT * FROM `" + physical + "`").getRowType();
            finite.put(physical, new io.runnel.sql.oracle.CalciteBatch.Table(rowType, t.rows().stream().map(Row::fields).toList()));
            if (computed) {
                computedTables.add(t);
            }
        }
        return io.runnel.sql.oracle.CalciteBatch.run(finite, query, root -> {
            for (Table t : computedTables) {
                // the view expands with the connection's default lexical rules: double quotes
                root.add(t.def().name(), ViewTable.viewMacro(root, ComputedColumns.select(t.def()).replace('`', '"'), List.of(),
                        List.of(t.def().name()), false));
            }
        });
    }

    /** Asserts the streaming rows at {@code parallelism} are the oracle's (which must not be empty). */
    void assertSameAsOracle(String sql, int parallelism) throws Exception {
        List<Row> expected = oracle(sql);
        org.assertj.core.api.Assertions.assertThat(expected).isNotEmpty();
        org.assertj.core.api.Assertions.assertThat(stream(sql, parallelism)).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** Asserts the table the streaming changelog leaves is the oracle's (which must not be empty); returns the changelog. */
    List<Row> assertFinalTableIsTheOracles(String sql, int parallelism) throws Exception {
        List<Row> expected = oracle(sql);
        org.assertj.core.api.Assertions.assertThat(expected).isNotEmpty();
        List<Row> changelog = stream(sql, parallelism);
        org.assertj.core.api.Assertions.assertThat(io.runnel.sql.oracle.Changelogs.materialize(changelog)).containsExactlyInAnyOrderElementsOf(expected);
        return changelog;
    }

    /**
     * The table the query's changelog leaves when its job fails once at row {@code failAt} of a source and restarts
     * from its last checkpoint: folded by the checkpointed final-table sink, read back as JSON lines, in the same
     * JSON as {@link #oracleJson}.
     */
    List<String> streamWithFailure(String query, int parallelism, long failAt, java.nio.file.Path dir) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism)
                .enableCheckpointing(java.time.Duration.ofMillis(20))
                .setRestartStrategy(io.runnel.api.checkpoint.RestartStrategy.fixedDelay(3, java.time.Duration.ofMillis(10)));
        env.getCheckpointConfig().setDirectory(dir.resolve("checkpoints").toString());
        ValuesConnector.failAt = failAt;
        try {
            io.runnel.sql.planner.PlannedQuery q = sqlEnvironment(env).planQuery(query);
            java.nio.file.Path out = dir.resolve("out");
            q.stream().sinkTo(new io.runnel.sql.result.FinalTableSink(out, new io.runnel.sql.result.RowJsonFormatter(q.rowType())))
                    .setParallelism(1);
            io.runnel.api.JobClient client = env.executeAsync("sql failure test");
            client.await(java.time.Duration.ofMinutes(1));
            org.assertj.core.api.Assertions.assertThat(client.restarts()).as("the job failed and restarted").isGreaterThanOrEqualTo(1);
            return java.nio.file.Files.readAllLines(out.resolve("part-0.jsonl"));
        } finally {
            ValuesConnector.failAt = 0;
        }
    }

    /** The oracle's rows as the JSON lines the final-table sink writes. */
    List<String> oracleJson(String query) throws Exception {
        QueryPlanner types = new QueryPlanner();
        tables.values().forEach(t -> types.register(t.def()));
        io.runnel.sql.result.RowJsonFormatter json = new io.runnel.sql.result.RowJsonFormatter(types.optimized(query).getRowType());
        List<String> lines = new ArrayList<>();
        for (Row r : oracle(query)) {
            lines.add(json.format(r));
        }
        return lines;
    }
}
