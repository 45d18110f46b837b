package io.runnel.sql.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sql.data.Row;
import io.runnel.sql.data.RowKind;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A non-windowed GROUP BY emits a changelog whose final table equals Calcite's batch result. */
@Timeout(60)
class SqlChangelogTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void groupByEmitsUpdatesAndEndsAtTheBatchResult(int parallelism) throws Exception {
        SqlTestKit kit = SqlQueryTest.kit();
        String sql = "SELECT product, COUNT(*) AS n, SUM(amount) AS s, MAX(price) AS hi FROM orders"
                + " WHERE id > 1 GROUP BY product";
        List<Row> changelog = kit.stream(sql, parallelism);
        assertThat(changelog).extracting(Row::kind).contains(RowKind.INSERT, RowKind.UPDATE_BEFORE, RowKind.UPDATE_AFTER);
        assertThat(io.runnel.sql.oracle.Changelogs.materialize(changelog)).containsExactlyInAnyOrderElementsOf(kit.oracle(sql));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void globalAggregateWithoutKeys(int parallelism) throws Exception {
        SqlTestKit kit = SqlQueryTest.kit();
        String sql = "SELECT COUNT(amount) AS n, MIN(id) AS lo, AVG(price) AS av FROM orders";
        assertThat(io.runnel.sql.oracle.Changelogs.materialize(kit.stream(sql, parallelism))).containsExactlyInAnyOrderElementsOf(kit.oracle(sql));
    }
}
