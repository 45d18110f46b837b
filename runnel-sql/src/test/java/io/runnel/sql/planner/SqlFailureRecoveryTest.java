package io.runnel.sql.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Joins, Top-N, updating aggregates, window aggregates, OVER and interval joins fail once mid-input and restart from their last
 * checkpoint: the table each leaves equals Calcite's batch result.
 */
@Timeout(120)
class SqlFailureRecoveryTest {
    static final String[] QUERIES = {
        "SELECT P.name, A.id FROM auction A JOIN person P ON A.seller = P.id WHERE A.reserve > 2",
        "SELECT P.id, COUNT(A.id) AS n FROM person P LEFT JOIN auction A ON A.seller = P.id GROUP BY P.id",
        "SELECT seller, id, rn FROM (SELECT seller, id, ROW_NUMBER() OVER (PARTITION BY seller ORDER BY reserve DESC, id) AS rn"
                + " FROM auction) WHERE rn <= 2",
        "SELECT n, COUNT(*) AS sellers FROM (SELECT seller, COUNT(*) AS n FROM auction GROUP BY seller) GROUP BY n",
    };

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void restoredFromACheckpointTheFinalTableIsTheBatchResult(int query, @TempDir Path dir) throws Exception {
        SqlTestKit kit = SqlRegularJoinTest.kit();
        String sql = QUERIES[query];
        assertThat(kit.streamWithFailure(sql, 2, 20, dir)).containsExactlyInAnyOrderElementsOf(kit.oracleJson(sql));
    }

    /** Event-time operators (windows, OVER, interval joins) and the updating OVER, over rows with a time attribute. */
    static final String[] TIMED_QUERIES = {
        "SELECT window_start, product, COUNT(*) AS n, SUM(amount) AS s FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts),"
                + " INTERVAL '10' SECOND)) GROUP BY window_start, window_end, product",
        "SELECT window_end, MAX(price) AS hi FROM TABLE(HOP(TABLE orders, DESCRIPTOR(ts), INTERVAL '5' SECOND,"
                + " INTERVAL '10' SECOND)) GROUP BY window_start, window_end",
        "SELECT id, SUM(amount) OVER (PARTITION BY product ORDER BY ts ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS s2"
                + " FROM orders",
        "SELECT id, COUNT(*) OVER (PARTITION BY product ORDER BY amount DESC, id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)"
                + " AS n FROM orders",
        "SELECT a.id, b.id AS other FROM orders a JOIN orders b ON a.product = b.product AND b.ts BETWEEN"
                + " a.ts - INTERVAL '3' SECOND AND a.ts + INTERVAL '3' SECOND",
    };

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void eventTimeOperatorsRestoredFromACheckpointEndAtTheBatchResult(int query, @TempDir Path dir) throws Exception {
        SqlTestKit kit = SqlQueryTest.kit();
        String sql = TIMED_QUERIES[query];
        assertThat(kit.streamWithFailure(sql, 2, 6, dir)).containsExactlyInAnyOrderElementsOf(kit.oracleJson(sql));
    }
}
