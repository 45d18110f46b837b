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

    @Test
    void aRowNumberWithoutABoundIsRejected() {
        assertThatThrownBy(() -> SqlQueryTest.kit().sqlEnvironment(StreamEnvironment.create())
                .sqlQuery("SELECT id, ROW_NUMBER() OVER (PARTITION BY product ORDER BY ts) AS rn FROM orders"))
                .isInstanceOf(SqlPlanningException.class).hasMessageContaining("Top-N only");
    }
}
