package io.runnel.sql.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.StreamEnvironment;
import io.runnel.sql.data.Row;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** UNION [ALL], INTERSECT, EXCEPT, GROUPING SETS, VALUES, ORDER BY and LIMIT on streams, against Calcite's batch results. */
@Timeout(60)
class SqlSetOpsAndSortTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void setOperations(int parallelism) throws Exception {
        SqlTestKit kit = SqlQueryTest.kit();
        kit.assertSameAsOracle("SELECT id, product FROM orders WHERE amount > 5 UNION ALL SELECT id, product FROM orders"
                + " WHERE amount < 3 UNION ALL SELECT id, product FROM orders WHERE id = 7", parallelism);
        kit.assertFinalTableIsTheOracles("SELECT product FROM orders WHERE amount > 5 UNION SELECT product FROM orders"
                + " WHERE price < 2", parallelism);
        kit.assertFinalTableIsTheOracles("SELECT product FROM orders WHERE amount > 5 INTERSECT SELECT product FROM orders"
                + " WHERE price < 2", parallelism);
        kit.assertFinalTableIsTheOracles("SELECT product FROM orders EXCEPT SELECT product FROM orders WHERE amount > 8",
                parallelism);
    }

    @Test
    void unionAllKeepsTheTimeAttributeForWindows() throws Exception {
        SqlQueryTest.kit().assertSameAsOracle("WITH u AS (SELECT id, ts FROM orders WHERE amount > 4 UNION ALL SELECT id, ts"
                + " FROM orders WHERE amount <= 4) SELECT window_start, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE u,"
                + " DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end", 2);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void values(int parallelism) throws Exception {
        SqlQueryTest.kit().assertSameAsOracle("SELECT id, UPPER(s) AS s, ts + INTERVAL '1' SECOND AS later, d, x FROM (VALUES"
                + " (1, 'a', TIMESTAMP '2026-01-01 00:00:00.250', DATE '2026-02-03', CAST(1.5 AS DECIMAL(5, 2))),"
                + " (2, 'bc', TIMESTAMP '1970-01-01 00:00:00', DATE '1970-01-01', NULL)) AS v(id, s, ts, d, x)", parallelism);
        SqlQueryTest.kit().assertSameAsOracle("SELECT o.id, v.label FROM orders AS o JOIN (VALUES ('apple', 'A'),"
                + " ('fig', 'F')) AS v(product, label) ON o.product = v.product", parallelism);
    }

    @Test
    void orderByTheTimeAttributeEmitsInTimeOrder() throws Exception {
        List<Row> rows = SqlQueryTest.kit().stream("SELECT id, ts FROM orders ORDER BY ts, id", 1);
        assertThat(rows).hasSize(SqlQueryTest.ORDERS.size())
                .isSortedAccordingTo(Comparator.comparingLong((Row r) -> (Long) r.field(1)));
        assertThat(rows.get(0).field(0)).isEqualTo(1);
        assertThat(rows.get(1).field(0)).isEqualTo(3); // arrived after id 2, a later time
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void orderByLimitIsATopNOfTheWholeStream(int parallelism) throws Exception {
        SqlTestKit kit = SqlQueryTest.kit();
        kit.assertFinalTableIsTheOracles("SELECT id, amount FROM orders WHERE amount IS NOT NULL ORDER BY amount DESC, id"
                + " LIMIT 3", parallelism);
        kit.assertFinalTableIsTheOracles("SELECT id, amount FROM orders WHERE amount IS NOT NULL ORDER BY amount, id"
                + " LIMIT 2 OFFSET 3", parallelism);
        kit.assertFinalTableIsTheOracles("SELECT product, n FROM (SELECT product, COUNT(*) AS n FROM orders GROUP BY"
                + " product) ORDER BY n DESC, product LIMIT 2", parallelism);
    }

    @Test
    void limitAlonePassesTheFirstRows() throws Exception {
        assertThat(SqlQueryTest.kit().stream("SELECT id FROM orders LIMIT 3", 1)).extracting(r -> r.field(0))
                .containsExactly(1, 2, 3);
        assertThat(SqlQueryTest.kit().stream("SELECT id FROM orders LIMIT 4 OFFSET 10", 2)).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void groupingSetsRollupAndCube(int parallelism) throws Exception {
        SqlTestKit kit = SqlQueryTest.kit();
        kit.assertFinalTableIsTheOracles("SELECT product, amount > 4 AS big, COUNT(*) AS n, SUM(amount) AS s,"
                + " GROUPING(product, amount > 4) AS g FROM orders GROUP BY GROUPING SETS ((product), (product, amount > 4), ())",
                parallelism);
        kit.assertFinalTableIsTheOracles("SELECT product, id > 6 AS late, MAX(price) AS hi FROM orders GROUP BY ROLLUP"
                + " (product, id > 6)", parallelism);
        kit.assertFinalTableIsTheOracles("SELECT product, id > 6 AS late, COUNT(*) AS n FROM orders GROUP BY CUBE"
                + " (product, id > 6)", parallelism);
        kit.assertSameAsOracle("SELECT window_start, product, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE orders,"
                + " DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end, GROUPING SETS ((product), ())",
                parallelism);
    }

    @Test
    void anUnboundedSortIsRejectedSayingWhy() {
        assertThatThrownBy(() -> SqlQueryTest.kit().sqlEnvironment(StreamEnvironment.create())
                .sqlQuery("SELECT id FROM orders ORDER BY amount"))
                .isInstanceOf(SqlPlanningException.class)
                .hasMessageContaining("ORDER BY without LIMIT must begin with the event-time attribute");
        assertThatThrownBy(() -> SqlQueryTest.kit().sqlEnvironment(StreamEnvironment.create())
                .sqlQuery("SELECT product FROM orders INTERSECT ALL SELECT product FROM orders"))
                .isInstanceOf(SqlPlanningException.class).hasMessageContaining("INTERSECT ALL is not supported yet");
    }
}
