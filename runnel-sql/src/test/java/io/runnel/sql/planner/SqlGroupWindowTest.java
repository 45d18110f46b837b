package io.runnel.sql.planner;

import static io.runnel.sql.planner.SqlQueryTest.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sql.data.Row;
import io.runnel.sql.data.RowKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Flink's legacy group windows: GROUP BY TUMBLE/HOP equal the window table functions' aggregation run by Calcite's
 * batch executor; GROUP BY SESSION equals sessions cut by hand; PROCTIME() windows count every row once.
 */
@Timeout(60)
class SqlGroupWindowTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void legacyTumbleAndHopEqualTheWindowFunctions(int parallelism) throws Exception {
        SqlTestKit kit = SqlQueryTest.kit();
        List<Row> tumble = kit.stream("SELECT product, TUMBLE_START(ts, INTERVAL '10' SECOND), TUMBLE_END(ts, INTERVAL '10' SECOND),"
                + " COUNT(*), SUM(amount) FROM orders GROUP BY product, TUMBLE(ts, INTERVAL '10' SECOND)", parallelism);
        List<Row> expected = kit.oracle("SELECT product, window_start, window_end, COUNT(*), SUM(amount) FROM TABLE(TUMBLE(TABLE orders,"
                + " DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY product, window_start, window_end");
        assertThat(expected).hasSizeGreaterThan(5);
        assertThat(tumble).containsExactlyInAnyOrderElementsOf(expected);
        List<Row> hop = kit.stream("SELECT HOP_START(ts, INTERVAL '5' SECOND, INTERVAL '15' SECOND) AS s,"
                + " HOP_END(ts, INTERVAL '5' SECOND, INTERVAL '15' SECOND) AS e, MAX(price) FROM orders"
                + " GROUP BY HOP(ts, INTERVAL '5' SECOND, INTERVAL '15' SECOND)", parallelism);
        assertThat(hop).containsExactlyInAnyOrderElementsOf(kit.oracle("SELECT window_start, window_end, MAX(price) FROM"
                + " TABLE(HOP(TABLE orders, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '15' SECOND)) GROUP BY window_start, window_end"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void rowtimeOfALegacyWindowIsATimeAttributeForTheNextWindow(int parallelism) throws Exception {
        SqlTestKit kit = SqlQueryTest.kit();
        List<Row> cascaded = kit.stream("SELECT TUMBLE_START(rt, INTERVAL '20' SECOND), SUM(n), COUNT(*) FROM (SELECT"
                + " TUMBLE_ROWTIME(ts, INTERVAL '5' SECOND) AS rt, product, COUNT(*) AS n FROM orders GROUP BY product,"
                + " TUMBLE(ts, INTERVAL '5' SECOND)) GROUP BY TUMBLE(rt, INTERVAL '20' SECOND)", parallelism);
        List<Row> expected = kit.oracle("WITH inner5 AS (SELECT window_end - INTERVAL '0.001' SECOND AS rt, product,"
                + " COUNT(*) AS n FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '5' SECOND)) GROUP BY product,"
                + " window_start, window_end) SELECT window_start, SUM(n), COUNT(*) FROM TABLE(TUMBLE(TABLE inner5,"
                + " DESCRIPTOR(rt), INTERVAL '20' SECOND)) GROUP BY window_start, window_end");
        assertThat(expected).hasSizeGreaterThan(1);
        assertThat(cascaded).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(kit.stream("SELECT SESSION_ROWTIME(ts, INTERVAL '3' SECOND), SESSION_END(ts, INTERVAL '3' SECOND)"
                + " FROM orders GROUP BY SESSION(ts, INTERVAL '3' SECOND)", parallelism))
                .allSatisfy(r -> assertThat((Long) r.field(0)).isEqualTo((Long) r.field(1) - 1)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void sessionWindowsEndAGapAfterTheirLastRow(int parallelism) throws Exception {
        SqlTestKit kit = SqlQueryTest.kit();
        List<Row> out = kit.stream("SELECT product, SESSION_START(ts, INTERVAL '3' SECOND) AS s, COUNT(*) AS n, SUM(amount),"
                + " SESSION_END(ts, INTERVAL '3' SECOND) AS e FROM orders GROUP BY product, SESSION(ts, INTERVAL '3' SECOND)", parallelism);
        List<Row> expected = sessions(3_000);
        assertThat(expected).anySatisfy(r -> assertThat((Long) r.field(2)).isGreaterThan(1));
        assertThat(out).extracting(Row::kind).containsOnly(RowKind.INSERT);
        assertThat(out).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void theSessionWindowFunctionCutsTheSameSessions(int parallelism) throws Exception {
        SqlTestKit kit = SqlQueryTest.kit();
        List<Row> out = kit.stream("SELECT product, window_start, COUNT(*), SUM(amount), window_end FROM TABLE(SESSION(TABLE orders"
                + " PARTITION BY product, DESCRIPTOR(ts), INTERVAL '3' SECOND)) GROUP BY product, window_start, window_end", parallelism);
        assertThat(out).containsExactlyInAnyOrderElementsOf(sessions(3_000));
        assertThatThrownBy(() -> kit.stream("SELECT id, COUNT(*) FROM TABLE(SESSION(TABLE orders PARTITION BY product, DESCRIPTOR(ts),"
                + " INTERVAL '3' SECOND)) GROUP BY id, window_start, window_end", 1)).hasMessageContaining("PARTITION BY columns [product]");
    }

    @Test
    void sessionEndWorksInExpressionsAndHaving() throws Exception {
        SqlTestKit kit = SqlQueryTest.kit();
        List<Row> out = kit.stream("SELECT product, TIMESTAMPDIFF(SECOND, SESSION_START(ts, INTERVAL '3' SECOND),"
                + " SESSION_END(ts, INTERVAL '3' SECOND)) AS secs FROM orders GROUP BY product, SESSION(ts, INTERVAL '3' SECOND)"
                + " HAVING COUNT(*) > 1", 2);
        List<Row> expected = new ArrayList<>();
        for (Row s : sessions(3_000)) {
            if ((Long) s.field(2) > 1) {
                expected.add(Row.insert(s.field(0), (int) (((Long) s.field(4) - (Long) s.field(1)) / 1000)));
            }
        }
        assertThat(expected).isNotEmpty();
        assertThat(out).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void processingTimeWindowsCountEveryRowOnceAndFireAtTheEndOfInput(int parallelism) throws Exception {
        SqlTestKit kit = SqlQueryTest.kit();
        var env = io.runnel.api.StreamEnvironment.create().setParallelism(parallelism);
        var sql = kit.sqlEnvironment(env);
        sql.executeSql("CREATE VIEW timed AS SELECT *, PROCTIME() AS p FROM orders");
        var tvf = new io.runnel.testing.CollectSink<Row>();
        var legacy = new io.runnel.testing.CollectSink<Row>();
        sql.sqlQuery("SELECT product, COUNT(*), window_start, window_end FROM TABLE(TUMBLE(TABLE timed, DESCRIPTOR(p),"
                + " INTERVAL '1' HOUR)) GROUP BY product, window_start, window_end").sinkTo(tvf);
        sql.sqlQuery("SELECT COUNT(*), TUMBLE_START(p, INTERVAL '1' HOUR) FROM timed GROUP BY TUMBLE(p, INTERVAL '1' HOUR)").sinkTo(legacy);
        assertThat(sql.explain("SELECT COUNT(*) FROM timed GROUP BY TUMBLE(p, INTERVAL '1' HOUR)")).contains("proctime");
        long before = System.currentTimeMillis();
        env.execute("proctime windows");
        assertThat(tvf.results().stream().mapToLong(r -> (Long) r.field(1)).sum()).isEqualTo(ORDERS.size());
        assertThat(tvf.results()).allSatisfy(r -> assertThat((Long) r.field(3) - (Long) r.field(2)).isEqualTo(3_600_000L));
        assertThat(legacy.results().stream().mapToLong(r -> (Long) r.field(0)).sum()).isEqualTo(ORDERS.size());
        assertThat(legacy.results()).allSatisfy(r -> assertThat((Long) r.field(1)).isBetween(before - 3_600_000L, System.currentTimeMillis()));
    }

    @Test
    void proctimeOfALegacyWindowIsAProcessingTimeAttributeForTheNextWindow() throws Exception {
        SqlTestKit kit = SqlQueryTest.kit();
        var env = io.runnel.api.StreamEnvironment.create().setParallelism(2);
        var sql = kit.sqlEnvironment(env);
        sql.executeSql("CREATE VIEW timed AS SELECT *, PROCTIME() AS p FROM orders");
        sql.executeSql("CREATE VIEW inner_w AS SELECT product, COUNT(*) AS n, TUMBLE_PROCTIME(p, INTERVAL '1' SECOND) AS p2"
                + " FROM timed GROUP BY product, TUMBLE(p, INTERVAL '1' SECOND)");
        String outer = "SELECT SUM(n), HOP_START(p2, INTERVAL '1' SECOND, INTERVAL '1' HOUR) FROM inner_w"
                + " GROUP BY HOP(p2, INTERVAL '1' SECOND, INTERVAL '1' HOUR)";
        assertThat(sql.explain(outer)).contains("proctime");
        var out = new io.runnel.testing.CollectSink<Row>();
        sql.sqlQuery(outer).sinkTo(out);
        env.execute("cascaded proctime windows");
        assertThat(out.results()).isNotEmpty();
        long perWindow = out.results().stream().mapToLong(r -> ((Number) r.field(0)).longValue()).max().orElseThrow();
        assertThat(perWindow).as("an hour-long window over the inner windows' rows holds every row").isEqualTo(ORDERS.size());
    }

    @Test
    void aGroupWindowOverAColumnThatIsNoTimeAttributeIsAnError() {
        SqlTestKit kit = SqlQueryTest.kit();
        assertThatThrownBy(() -> kit.stream("SELECT COUNT(*) FROM (SELECT CAST(ts AS TIMESTAMP(3)) AS t2, id FROM orders WHERE id > 0)"
                + " GROUP BY TUMBLE(t2 + INTERVAL '1' SECOND, INTERVAL '10' SECOND)", 1))
                .hasMessageContaining("is not a time attribute");
        assertThatThrownBy(() -> kit.stream("SELECT SESSION_END(ts, INTERVAL '3' SECOND) FROM orders"
                + " GROUP BY TUMBLE(ts, INTERVAL '3' SECOND)", 1)).hasMessageContaining("SESSION");
    }

    /** Per product, rows sorted by time, a new session wherever the next row comes {@code gap} or more after the last. */
    private static List<Row> sessions(long gap) {
        Map<String, List<Row>> byProduct = new LinkedHashMap<>();
        for (Row r : ORDERS) {
            byProduct.computeIfAbsent((String) r.field(1), k -> new ArrayList<>()).add(r);
        }
        List<Row> out = new ArrayList<>();
        for (var e : byProduct.entrySet()) {
            List<Row> rows = new ArrayList<>(e.getValue());
            rows.sort(Comparator.comparingLong(r -> (Long) r.field(4)));
            int i = 0;
            while (i < rows.size()) {
                long start = (Long) rows.get(i).field(4);
                long last = start;
                long n = 0;
                Integer sum = null;
                while (i < rows.size() && (Long) rows.get(i).field(4) < last + gap) {
                    last = (Long) rows.get(i).field(4);
                    Integer a = (Integer) rows.get(i).field(2);
                    sum = a == null ? sum : Objects.requireNonNullElse(sum, 0) + a;
                    n++;
                    i++;
                }
                out.add(Row.insert(e.getKey(), start, n, sum, last + gap));
            }
        }
        return out;
    }
}
