package io.runnel.sql.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Joins, Top-N, updating aggregates and window aggregates fail once mid-input and restart from their last
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
}
