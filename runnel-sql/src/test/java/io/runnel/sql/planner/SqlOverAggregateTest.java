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

/** OVER aggregation on event time gives each row its frame's aggregates, as Calcite's batch executor does. */
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

    @Test
    void overMustBeOrderedByTheEventTimeAttribute() {
        assertThatThrownBy(() -> SqlQueryTest.kit().sqlEnvironment(StreamEnvironment.create())
                .sqlQuery("SELECT id, SUM(amount) OVER (PARTITION BY product ORDER BY id ROWS BETWEEN 1 PRECEDING AND"
                        + " CURRENT ROW) FROM orders"))
                .isInstanceOf(SqlPlanningException.class).hasMessageContaining("ORDER BY the event-time attribute");
    }
}
