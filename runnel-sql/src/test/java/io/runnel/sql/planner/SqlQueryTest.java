package io.runnel.sql.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sql.data.Row;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Streaming SQL over {@code values} tables equals Calcite's batch execution of the same SQL over the same rows. */
@Timeout(60)
class SqlQueryTest {
    static final long T0 = 1_700_000_000_000L; // a multiple of 10 s

    /** Out of order by up to 4 s, within the 5 s watermark bound. */
    static final List<Row> ORDERS = List.of(
            Row.insert(1, "apple", 3, 1.5, T0 + 1_000),
            Row.insert(2, "pear", 5, 2.25, T0 + 4_000),
            Row.insert(3, "apple", null, 1.5, T0 + 2_000),
            Row.insert(4, "fig", 7, null, T0 + 9_500),
            Row.insert(5, "pear", 1, 2.0, T0 + 6_000),
            Row.insert(6, null, 2, 3.0, T0 + 12_000),
            Row.insert(7, "apple", 10, 1.25, T0 + 8_500),
            Row.insert(8, "fig", 4, 4.0, T0 + 15_000),
            Row.insert(9, "pear", 6, 2.5, T0 + 11_000),
            Row.insert(10, "apple", 8, 1.75, T0 + 21_000),
            Row.insert(11, "fig", 9, 4.5, T0 + 19_000),
            Row.insert(12, "pear", 2, 2.0, T0 + 29_999));

    static SqlTestKit kit() {
        return new SqlTestKit().table("orders", "id INT, product VARCHAR, amount INT, price DOUBLE, ts TIMESTAMP(3)",
                "ts", "ts - INTERVAL '5' SECOND", ORDERS);
    }

    private static void assertSameAsOracle(String sql, int parallelism) throws Exception {
        SqlTestKit kit = kit();
        List<Row> expected = kit.oracle(sql);
        assertThat(expected).isNotEmpty();
        assertThat(kit.stream(sql, parallelism)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void projectsArithmeticCaseCastAndStringFunctions(int parallelism) throws Exception {
        assertSameAsOracle("SELECT id, amount * 2 + 1 AS a, price * amount AS total,"
                + " CASE WHEN amount > 4 THEN 'big' WHEN amount IS NULL THEN 'none' ELSE 'small' END AS size,"
                + " CAST(id AS VARCHAR) || '-' || UPPER(product) AS label, CHAR_LENGTH(product) AS len,"
                + " SUBSTRING(product FROM 2 FOR 2) AS mid, CAST(price AS DECIMAL(10, 2)) AS d2, ts"
                + " FROM orders", parallelism);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void filtersWithWhere(int parallelism) throws Exception {
        assertSameAsOracle("SELECT id, product, amount FROM orders"
                + " WHERE (amount >= 3 OR product LIKE 'p%') AND product IS NOT NULL AND id <> 5", parallelism);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void filtersOverAProjectingSubquery(int parallelism) throws Exception {
        assertSameAsOracle("SELECT x, product FROM (SELECT id * 10 AS x, product, amount FROM orders) WHERE x > 30"
                + " AND amount < 9", parallelism);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aggregatesTumblingWindowsPerKey(int parallelism) throws Exception {
        assertSameAsOracle("SELECT window_start, window_end, product, COUNT(*) AS n, COUNT(amount) AS na,"
                + " SUM(amount) AS s, MIN(price) AS lo, MAX(price) AS hi, AVG(amount) AS av"
                + " FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '10' SECOND))"
                + " GROUP BY window_start, window_end, product", parallelism);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aggregatesTumblingWindowsOverAllRowsWithAFilter(int parallelism) throws Exception {
        assertSameAsOracle("SELECT window_start, window_end, COUNT(*) AS n, SUM(price) AS s"
                + " FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '10' SECOND))"
                + " WHERE amount > 1 GROUP BY window_start, window_end", parallelism);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void cascadedWindowsOverWindowTime(int parallelism) throws Exception {
        // Calcite's TUMBLE has no window_time: the oracle computes it as Flink defines it, window_end - 1 ms
        String outer = " SELECT window_start, window_end, SUM(n) AS total, MAX(n) AS most FROM TABLE(TUMBLE(TABLE w,"
                + " DESCRIPTOR(t5), INTERVAL '20' SECOND)) GROUP BY window_start, window_end";
        SqlTestKit kit = kit();
        List<Row> expected = kit.oracle("WITH w AS (SELECT window_end - INTERVAL '0.001' SECOND AS t5, product, COUNT(*)"
                + " AS n FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '5' SECOND)) GROUP BY window_start,"
                + " window_end, product)" + outer);
        assertThat(expected).hasSizeGreaterThan(1);
        assertThat(kit.stream("WITH w AS (SELECT window_time AS t5, product, COUNT(*) AS n FROM"
                + " TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '5' SECOND)) GROUP BY window_start, window_end,"
                + " window_time, product)" + outer, parallelism)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(kit.stream("SELECT id, window_time FROM TABLE(HOP(TABLE orders, DESCRIPTOR(ts), INTERVAL '5' SECOND,"
                + " INTERVAL '10' SECOND)) WHERE id = 1", parallelism)).extracting(r -> r.field(1))
                .containsExactlyInAnyOrder(T0 + 4_999, T0 + 9_999);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aggregatesCumulatingWindows(int parallelism) throws Exception {
        // Calcite's executor has no CUMULATE: the oracle is its definition, windows of a 12 s cycle ending at each 4 s
        SqlTestKit kit = kit();
        List<Row> expected = kit.oracle("SELECT product, window_start, window_start + k * INTERVAL '4' SECOND AS we,"
                + " COUNT(*) AS n, SUM(amount) AS s, MIN(price) AS lo FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts),"
                + " INTERVAL '12' SECOND)), (VALUES 1, 2, 3) AS c(k) WHERE ts < window_start + k * INTERVAL '4' SECOND"
                + " GROUP BY product, window_start, k");
        assertThat(expected).hasSizeGreaterThan(10);
        assertThat(kit.stream("SELECT product, window_start, window_end, COUNT(*) AS n, SUM(amount) AS s, MIN(price) AS lo"
                + " FROM TABLE(CUMULATE(TABLE orders, DESCRIPTOR(ts), INTERVAL '4' SECOND, INTERVAL '12' SECOND))"
                + " GROUP BY window_start, window_end, product", parallelism)).containsExactlyInAnyOrderElementsOf(expected);
        List<Row> rows = kit.oracle("SELECT id, window_start, window_start + k * INTERVAL '4' SECOND AS we"
                + " FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '12' SECOND)), (VALUES 1, 2, 3) AS c(k)"
                + " WHERE ts < window_start + k * INTERVAL '4' SECOND");
        assertThat(kit.stream("SELECT id, window_start, window_end FROM TABLE(CUMULATE(TABLE orders, DESCRIPTOR(ts),"
                + " INTERVAL '4' SECOND, INTERVAL '12' SECOND))", parallelism)).containsExactlyInAnyOrderElementsOf(rows);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aggregatesHoppingWindows(int parallelism) throws Exception {
        assertSameAsOracle("SELECT product, window_end, window_start, COUNT(*) AS n, SUM(amount) AS s, MAX(ts) AS last_ts"
                + " FROM TABLE(HOP(TABLE orders, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND))"
                + " GROUP BY window_start, window_end, product", parallelism);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void computedColumnsIncludingTheRowtime(int parallelism) throws Exception {
        SqlTestKit kit = new SqlTestKit().table("orders2", "id INT, product VARCHAR, amount INT, price DOUBLE, ts TIMESTAMP(3),"
                + " total AS price * amount, tag AS UPPER(product) || '!', ts2 AS ts + INTERVAL '1' SECOND",
                "ts2", "ts2 - INTERVAL '5' SECOND", ORDERS);
        String sql = "SELECT window_start, window_end, tag, SUM(total) AS s, COUNT(*) AS n"
                + " FROM TABLE(TUMBLE(TABLE orders2, DESCRIPTOR(ts2), INTERVAL '10' SECOND)) GROUP BY window_start, window_end, tag";
        List<Row> expected = kit.oracle(sql);
        assertThat(expected).isNotEmpty();
        assertThat(kit.stream(sql, parallelism)).containsExactlyInAnyOrderElementsOf(expected);
        String select = "SELECT id, total, tag, ts2 FROM orders2 WHERE total > 5";
        assertThat(kit.stream(select, parallelism)).containsExactlyInAnyOrderElementsOf(kit.oracle(select));
    }
}
