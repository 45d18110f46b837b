package io.runnel.sql.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.StreamEnvironment;
import io.runnel.sql.SqlEnvironment;
import io.runnel.sql.data.Row;
import io.runnel.sql.planner.PlannedQuery;
import io.runnel.sql.planner.ValuesConnector;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A script's statements take effect in order on one job: DDL, views, SET, SHOW, DESCRIBE, EXPLAIN, INSERT, SELECT. */
@Timeout(60)
class SqlScriptRunnerTest {
    static final List<Row> ORDERS = List.of(
            Row.insert(1, "apple", 3, 1_000L), Row.insert(2, "pear", 1, 2_000L), Row.insert(3, "apple", 5, 3_000L),
            Row.insert(4, "plum", 4, 4_000L), Row.insert(5, "pear", 7, 5_000L), Row.insert(6, "apple", 2, 6_000L));

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final List<PlannedQuery> selects = new ArrayList<>();

    private String ddl(String sinkId, boolean changes) {
        return "CREATE TABLE orders (id INT, product STRING, amount INT, ts TIMESTAMP(3),"
                + " WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'values', 'data-id' = '"
                + ValuesConnector.register(ORDERS) + "');\n"
                + "CREATE TABLE totals (product STRING, n BIGINT, total BIGINT) WITH ('connector' = 'collect', 'sink-id' = '"
                + sinkId + "', 'changes' = '" + changes + "');\n";
    }

    private int run(StreamEnvironment env, String script) {
        SqlEnvironment sql = SqlEnvironment.create(env);
        return new SqlScriptRunner(sql, new PrintStream(printed, true, StandardCharsets.UTF_8), selects::add).run("job.sql", script);
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void statementsRunInOrderAndTheInsertWritesTheFinalTable() throws Exception {
        StreamEnvironment env = StreamEnvironment.create();
        int writers = run(env, ddl("totals-1", true) + """
                -- big orders only
                CREATE VIEW big AS SELECT id, product, amount, ts FROM orders WHERE amount > 2;
                SET 'parallelism.default' = '2';
                SHOW TABLES;
                SHOW VIEWS;
                DESCRIBE orders;
                EXPLAIN SELECT product, COUNT(*) AS n FROM big GROUP BY product;
                INSERT INTO totals SELECT product, COUNT(*), SUM(amount) FROM big GROUP BY product;
                """);
        assertThat(writers).isEqualTo(1);
        assertThat(env.parallelism()).isEqualTo(2);
        assertThat(printed()).contains("orders\ntotals\n", "big\n", "ts      | TIMESTAMP(3) *ROWTIME*",
                "GroupAggregate", "changelog [I,UB,UA,D], upsert key (0)", "INSERT INTO totals");
        env.execute("script");
        assertThat(io.runnel.sql.oracle.Changelogs.materialize(CollectConnector.rows("totals-1"))).containsExactlyInAnyOrder(
                Row.insert("apple", 2L, 8L), Row.insert("plum", 1L, 4L), Row.insert("pear", 1L, 7L));
    }

    @Test
    void aSelectIsHandedOverAndAnInsertCastsToTheTablesTypes() throws Exception {
        StreamEnvironment env = StreamEnvironment.create();
        run(env, ddl("totals-2", false) + """
                INSERT INTO totals SELECT product, id, amount FROM orders WHERE amount >= 5;
                SELECT id FROM orders;
                """);
        assertThat(selects).hasSize(1);
        assertThat(selects.get(0).rowType().getFieldNames()).containsExactly("id");
        env.execute("script");
        assertThat(CollectConnector.rows("totals-2")).containsExactlyInAnyOrder(
                Row.insert("apple", 3L, 5L), Row.insert("pear", 5L, 7L));
    }

    @Test
    void anInsertOnlySinkRejectsAnUpdatingQueryNamingTheOperator() {
        assertThatThrownBy(() -> run(StreamEnvironment.create(), ddl("totals-3", false)
                + "INSERT INTO totals SELECT product, COUNT(*), SUM(amount) FROM orders GROUP BY product;"))
                .isInstanceOf(SqlScriptException.class)
                .hasMessageContaining("job.sql, statement at line 3")
                .hasMessageContaining("connector 'collect' takes only inserts")
                .hasMessageContaining("GroupAggregate");
    }

    @Test
    void errorsNameTheScriptAndLine() {
        assertThatThrownBy(() -> run(StreamEnvironment.create(), ddl("totals-4", false) + "\nSELECT nope FROM orders;"))
                .isInstanceOf(SqlScriptException.class).hasMessageContaining("job.sql, statement at line 4")
                .hasMessageContaining("nope");
        assertThatThrownBy(() -> run(StreamEnvironment.create(), "CREATE TABLE t (a INT) WITH ('connector' = 'values');\n"
                + "SELECT a FROM t WHERE a >;"))
                .isInstanceOf(SqlScriptException.class).hasMessageContaining("job.sql: line 2");
        assertThatThrownBy(() -> run(StreamEnvironment.create(), ddl("totals-5", false)
                + "INSERT INTO totals SELECT product, amount FROM orders;"))
                .hasMessageContaining("the query gives 2 columns but the table has 3 (product, n, total)");
        assertThatThrownBy(() -> run(StreamEnvironment.create(), "SET 'parallelism.default' = 'many';"))
                .hasMessageContaining("expected a positive whole number");
    }
}
