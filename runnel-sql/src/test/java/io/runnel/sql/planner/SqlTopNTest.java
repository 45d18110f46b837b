package io.runnel.sql.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.StreamEnvironment;
import io.runnel.sql.data.Row;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ROW_NUMBER Top-N and deduplication end at the table Calcite's batch executor computes. */
@Timeout(60)
class SqlTopNTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void topTwoPerKeyWithTheRowNumber(int parallelism) throws Exception {
        SqlQueryTest.kit().assertFinalTableIsTheOracles("SELECT product, id, amount, rn FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY product"
                + " ORDER BY amount DESC NULLS LAST, id) AS rn FROM orders) WHERE rn <= 2", parallelism);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void lastRowPerKeyWithoutTheRowNumber(int parallelism) throws Exception {
        SqlQueryTest.kit().assertFinalTableIsTheOracles("SELECT id, product, ts FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY product"
                + " ORDER BY ts DESC) AS rn FROM orders) WHERE rn = 1", parallelism);
        SqlQueryTest.kit().assertFinalTableIsTheOracles("SELECT id, product FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY product"
                + " ORDER BY ts) AS rn FROM orders) WHERE rn < 2 AND id > 1", parallelism);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void topNOverAnUpdatingAggregate(int parallelism) throws Exception {
        SqlQueryTest.kit().assertFinalTableIsTheOracles("SELECT product, n, rn FROM (SELECT product, n, ROW_NUMBER() OVER (ORDER BY n DESC,"
                + " product) AS rn FROM (SELECT product, SUM(amount) AS n FROM orders WHERE product IS NOT NULL"
                + " GROUP BY product)) WHERE rn <= 2", parallelism);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void windowTopNEmitsEachWindowsTopOnceWhenItCloses(int parallelism) throws Exception {
        String counts = "SELECT window_start, window_end, product, COUNT(*) AS n FROM TABLE(HOP(TABLE orders, DESCRIPTOR(ts),"
                + " INTERVAL '5' SECOND, INTERVAL '10' SECOND)) WHERE product IS NOT NULL GROUP BY window_start, window_end, product";
        String sql = "SELECT window_start, product, n FROM (SELECT window_start, window_end, product, n, ROW_NUMBER() OVER"
                + " (PARTITION BY window_start, window_end ORDER BY n DESC, product) AS rn FROM (" + counts + ")) WHERE rn <= 2";
        SqlTestKit kit = SqlQueryTest.kit();
        // Calcite's batch executor counts this HOP with a WHERE wrongly (it gives one apple in [T0, T0 + 10 s), where
        // rows 1, 3 and 7 are), so the expected tops are computed here from the rows themselves.
        java.util.Map<Long, java.util.Map<String, Long>> perWindow = new java.util.TreeMap<>();
        for (Row r : SqlQueryTest.ORDERS) {
            if (r.field(1) == null) {
                continue;
            }
            long ts = (Long) r.field(4);
            for (long start = ts - Math.floorMod(ts, 5_000L); start > ts - 10_000; start -= 5_000) {
                perWindow.computeIfAbsent(start, k -> new java.util.TreeMap<>()).merge((String) r.field(1), 1L, Long::sum);
            }
        }
        List<Row> expected = new java.util.ArrayList<>();
        perWindow.forEach((start, byProduct) -> byProduct.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(java.util.Map.Entry.comparingByKey()))
                .limit(2).forEach(e -> expected.add(Row.insert(start, e.getKey(), e.getValue()))));
        assertThat(expected).isNotEmpty();
        List<Row> out = kit.stream(sql, parallelism);
        assertThat(out).extracting(Row::kind).containsOnly(io.runnel.sql.data.RowKind.INSERT);
        assertThat(out).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(kit.sqlEnvironment(StreamEnvironment.create()).explain(sql)).contains("WindowRank[top 2");
    }

    @Test
    void aRowNumberWithoutABoundIsRejected() {
        assertThatThrownBy(() -> SqlQueryTest.kit().sqlEnvironment(StreamEnvironment.create())
                .sqlQuery("SELECT id, ROW_NUMBER() OVER (PARTITION BY product ORDER BY ts) AS rn FROM orders"))
                .isInstanceOf(SqlPlanningException.class).hasMessageContaining("Top-N only");
    }
}
