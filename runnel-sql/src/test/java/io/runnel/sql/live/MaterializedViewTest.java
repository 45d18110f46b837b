package io.runnel.sql.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.JobClient;
import io.runnel.api.StreamEnvironment;
import io.runnel.sql.SqlEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaterializedViewTest {
    private static final String ORDERS = "CREATE TABLE orders (id BIGINT, k INT, amount BIGINT) WITH ('connector' = 'datagen',"
            + " 'rows-per-second' = '%s', %s 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '%d',"
            + " 'fields.k.min' = '0', 'fields.k.max' = '9', 'fields.amount.min' = '1', 'fields.amount.max' = '100')";

    static List<List<Object>> rows(AdHocSession s, String sql, Object... params) throws Exception {
        List<List<Object>> out = new ArrayList<>();
        s.query(sql, List.of(params), new AdHocRows() {
            @Override
            public void columns(List<AdHocColumn> columns) {}

            @Override
            public boolean row(Object[] values) {
                out.add(java.util.Arrays.asList(values));
                return true;
            }
        });
        return out;
    }

    @Test
    void aBoundedJobLeavesTheViewItsQueryComputes() throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
        SqlEnvironment sql = SqlEnvironment.create(env);
        sql.executeSql(String.format(ORDERS, "0", "", 10_000));
        sql.executeSql("CREATE MATERIALIZED VIEW per_k AS SELECT k, COUNT(*) AS n, SUM(amount) AS total FROM orders GROUP BY k");
        sql.executeSql("CREATE MATERIALIZED VIEW big AS SELECT id, amount FROM orders WHERE amount > 95");
        env.execute("views");
        try (AdHocSession s = new AdHocSession(sql.liveViews())) {
            assertThat(rows(s, "SELECT SUM(n), COUNT(*) FROM per_k")).containsExactly(List.of(10_000L, 10L));
            assertThat(rows(s, "SELECT n FROM per_k WHERE k = 3")).hasSize(1);
            assertThat(rows(s, "SELECT n FROM per_k WHERE k = ?", 3)).isEqualTo(rows(s, "SELECT n FROM per_k WHERE k = 3"));
            assertThat(rows(s, "SELECT n FROM per_k WHERE k = 42")).isEmpty();
            long big = (Long) rows(s, "SELECT COUNT(*) FROM big").get(0).get(0);
            assertThat(big).isBetween(200L, 800L);
            // a join of two views and PostgreSQL's case rules for unquoted names
            assertThat(rows(s, "SELECT COUNT(*) FROM BIG b JOIN per_k p ON b.amount > 0 AND p.k = 0").get(0).get(0)).isEqualTo(big);
        }
    }

    @Test
    void queriesOfARunningViewSeeOneWholeSnapshotAndCountsOnlyGrow() throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
        SqlEnvironment sql = SqlEnvironment.create(env);
        sql.executeSql(String.format(ORDERS, "20000", "", Integer.MAX_VALUE));
        sql.executeSql("CREATE MATERIALIZED VIEW per_k AS SELECT k, COUNT(*) AS n FROM orders GROUP BY k");
        JobClient job = env.executeAsync("running view");
        try (AdHocSession s = new AdHocSession(sql.liveViews())) {
            long last = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            int growths = 0;
            while (growths < 5 && System.nanoTime() < deadline) {
                List<Object> r = rows(s, "SELECT (SELECT SUM(n) FROM per_k), (SELECT SUM(n) FROM per_k WHERE k < 5),"
                        + " (SELECT SUM(n) FROM per_k WHERE k >= 5)").get(0);
                if (r.get(0) == null) {
                    continue;
                }
                long all = (Long) r.get(0);
                long low = r.get(1) == null ? 0 : (Long) r.get(1);
                long high = r.get(2) == null ? 0 : (Long) r.get(2);
                assertThat(low + high).as("one snapshot per query").isEqualTo(all);
                assertThat(all).as("counts only grow").isGreaterThanOrEqualTo(last);
                if (all > last) {
                    growths++;
                }
                last = all;
                Thread.sleep(50);
            }
            assertThat(growths).isEqualTo(5);
        } finally {
            job.cancel();
        }
    }

    @Test
    void namesAndErrorsAreClear() throws Exception {
        StreamEnvironment env = StreamEnvironment.create();
        SqlEnvironment sql = SqlEnvironment.create(env);
        sql.executeSql(String.format(ORDERS, "0", "", 10));
        sql.executeSql("CREATE MATERIALIZED VIEW v AS SELECT k, COUNT(*) AS n FROM orders GROUP BY k");
        assertThatThrownBy(() -> sql.executeSql("CREATE MATERIALIZED VIEW v AS SELECT k FROM orders"))
                .hasMessageContaining("exists already");
        assertThat(sql.executeSql("CREATE MATERIALIZED VIEW IF NOT EXISTS v AS SELECT k FROM orders").lines().get(0)).contains("exists already");
        assertThatThrownBy(() -> sql.executeSql("DROP VIEW v")).hasMessageContaining("DROP MATERIALIZED VIEW");
        assertThat(sql.executeSql("SHOW VIEWS").lines()).contains("v");
        try (AdHocSession s = new AdHocSession(sql.liveViews())) {
            assertThatThrownBy(() -> rows(s, "SELECT * FROM orders")).hasMessageContaining("materialized view");
            sql.executeSql("DROP MATERIALIZED VIEW v");
            assertThatThrownBy(() -> rows(s, "SELECT * FROM v")).hasMessageContaining("not found");
        }
        assertThat(sql.executeSql("SHOW VIEWS").lines()).doesNotContain("v");
    }
}
