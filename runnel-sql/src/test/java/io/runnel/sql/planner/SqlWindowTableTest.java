package io.runnel.sql.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import io.runnel.sql.data.Row;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Window table functions read as tables give each row once per window, as Calcite's batch executor does. */
@Timeout(60)
class SqlWindowTableTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void tumbleAndHopRowsCarryTheirWindows(int parallelism) throws Exception {
        SqlQueryTest.kit().assertSameAsOracle("SELECT id, window_start, window_end FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts),"
                + " INTERVAL '10' SECOND)) WHERE amount > 1", parallelism);
        SqlQueryTest.kit().assertSameAsOracle("SELECT id, product, window_start, window_end FROM TABLE(HOP(TABLE orders, DESCRIPTOR(ts),"
                + " INTERVAL '5' SECOND, INTERVAL '15' SECOND))", parallelism);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aJoinOfTwoWindowTables(int parallelism) throws Exception {
        SqlTestKit kit = SqlQueryTest.kit();
        String sql = "SELECT L.id, R.id AS other, L.window_start FROM"
                + " TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '10' SECOND)) L JOIN"
                + " TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '10' SECOND)) R"
                + " ON L.product = R.product AND L.window_start = R.window_start AND L.window_end = R.window_end AND L.id < R.id";
        kit.assertFinalTableIsTheOracles(sql, parallelism);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void windowsPropagateThroughAnAggregationAndAJoinOfWindowedRows(int parallelism) throws Exception {
        SqlTestKit kit = SqlQueryTest.kit();
        String counts = "SELECT product, COUNT(*) AS n, window_start, window_end FROM TABLE(HOP(TABLE orders, DESCRIPTOR(ts),"
                + " INTERVAL '5' SECOND, INTERVAL '10' SECOND)) GROUP BY product, window_start, window_end";
        String sql = "SELECT C.window_start, C.product, C.n FROM (" + counts + ") C JOIN (SELECT MAX(n) AS maxn, window_start,"
                + " window_end FROM (" + counts + ") GROUP BY window_start, window_end) M ON C.window_start = M.window_start"
                + " AND C.window_end = M.window_end AND C.n >= M.maxn";
        List<Row> expected = kit.oracle(sql);
        assertThat(expected).isNotEmpty();
        List<Row> out = kit.stream(sql, parallelism);
        assertThat(out).extracting(Row::kind).containsOnly(io.runnel.sql.data.RowKind.INSERT);
        assertThat(out).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(kit.sqlEnvironment(io.runnel.api.StreamEnvironment.create()).explain(sql))
                .contains("WindowJoin[", "WindowAggregate[per upstream window").doesNotContain("[I,UB,UA,D]");
    }
}
