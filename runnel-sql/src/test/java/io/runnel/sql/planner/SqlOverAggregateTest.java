package io.runnel.sql.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.StreamEnvironment;
import io.runnel.sql.data.Row;
import io.runnel.sql.data.RowKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * OVER aggregation gives each row its frame's aggregates, as Calcite's batch executor does: on event time as rows,
 * otherwise as a changelog whose final table is the batch result.
 */
@Timeout(60)
class SqlOverAggregateTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void rowsFramesBoundedAndUnbounded(int parallelism) throws Exception {
        SqlQueryTest.kit().assertSameAsOracle("SELECT id, product, SUM(amount) OVER (PARTITION BY product ORDER BY ts"
                + " ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS s2, COUNT(*) OVER (PARTITION BY product ORDER BY ts"
                + " ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS n2 FROM orders", parallelism);
        SqlQueryTest.kit().assertSameAsOracle("SELECT id, MAX(amount) OVER (PARTITION BY product ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING"
                + " AND CURRENT ROW) AS hi FROM orders", parallelism);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void rangeFrameOverAnInterval(int parallelism) throws Exception {
        SqlQueryTest.kit().assertSameAsOracle("SELECT id, AVG(price) OVER (PARTITION BY product ORDER BY ts RANGE BETWEEN INTERVAL '5' SECOND"
                + " PRECEDING AND CURRENT ROW) AS avg5, MIN(id) OVER (PARTITION BY product ORDER BY ts"
                + " RANGE BETWEEN INTERVAL '5' SECOND PRECEDING AND CURRENT ROW) AS lo FROM orders", parallelism);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void orderByAnyColumnGivesAChangelogEndingAtTheBatchResult(int parallelism) throws Exception {
        List<Row> changelog = SqlQueryTest.kit().assertFinalTableIsTheOracles("SELECT id, product, SUM(amount) OVER w AS s,"
                + " COUNT(*) OVER w AS n, MIN(price) OVER w AS lo FROM orders"
                + " WINDOW w AS (PARTITION BY product ORDER BY amount DESC, id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)",
                parallelism);
        assertThat(changelog).extracting(Row::kind).contains(RowKind.UPDATE_BEFORE, RowKind.UPDATE_AFTER);
        SqlQueryTest.kit().assertFinalTableIsTheOracles("SELECT id, SUM(id) OVER (ORDER BY amount RANGE BETWEEN 2"
                + " PRECEDING AND CURRENT ROW) AS near, COUNT(*) OVER (ORDER BY amount RANGE BETWEEN 2 PRECEDING AND"
                + " CURRENT ROW) AS n FROM orders WHERE amount IS NOT NULL", parallelism);
        SqlQueryTest.kit().assertFinalTableIsTheOracles("SELECT id, SUM(amount) OVER (PARTITION BY product ORDER BY price"
                + " RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS upto FROM orders", parallelism);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void overAnUpdatingInputUpdatesTheFramesAChangeFallsIn(int parallelism) throws Exception {
        // Nexmark q6's shape: the top rows per key (rows leave as better ones come), averaged over the last few.
        List<Row> changelog = SqlQueryTest.kit().assertFinalTableIsTheOracles("SELECT product, id, AVG(price) OVER"
                + " (PARTITION BY product ORDER BY ts ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS recent FROM"
                + " (SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY product ORDER BY amount DESC) AS rn"
                + " FROM orders) WHERE rn <= 2)", parallelism);
        assertThat(changelog).extracting(Row::kind).contains(RowKind.DELETE, RowKind.UPDATE_BEFORE);
        SqlQueryTest.kit().assertFinalTableIsTheOracles("SELECT product, n, SUM(n) OVER (ORDER BY product ROWS BETWEEN"
                + " 1 PRECEDING AND CURRENT ROW) AS pair FROM (SELECT product, COUNT(*) AS n FROM orders GROUP BY product)",
                parallelism);
    }

    @Test
    void rangeOffsetsNeedOneWholeNumberedColumn() {
        assertThatThrownBy(() -> SqlQueryTest.kit().sqlEnvironment(StreamEnvironment.create())
                .sqlQuery("SELECT id, SUM(amount) OVER (PARTITION BY product ORDER BY price RANGE BETWEEN 1 PRECEDING AND"
                        + " CURRENT ROW) FROM orders"))
                .isInstanceOf(SqlPlanningException.class).hasMessageContaining("integer or timestamp type");
    }
}
