package io.runnel.sql.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.StreamEnvironment;
import io.runnel.sql.data.Row;
import io.runnel.sql.data.RowKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Interval joins end at the rows Calcite's batch executor computes: rows a whole number of seconds apart put pairs
 * exactly on each bound and one millisecond or second outside it; the inputs are out of order within their
 * watermarks' bound, so no row is late.
 */
@Timeout(60)
class SqlIntervalJoinTest {
    static final long T0 = SqlQueryTest.T0;

    /** {@code n} rows (id, k, v, ts) a second apart from {@code start}, every four reversed (3 s out of order), some 1 ms late. */
    static List<Row> rows(int n, long start, int idBase, int keys, int vMod) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int j = i - i % 4 + 3 - i % 4; // reverses each group of four
            if (j >= n) {
                j = i;
            }
            long ts = start + j * 1_000L + (j % 7 == 3 ? 1 : 0);
            rows.add(Row.insert(idBase + j, j % keys, (j * 7) % vMod, ts));
        }
        return rows;
    }

    static SqlTestKit kit(int n, String watermark) {
        return new SqlTestKit()
                .table("l", "id INT, k INT, v INT, ts TIMESTAMP(3)", "ts", "ts" + watermark, rows(n, T0, 0, 3, 11))
                .table("r", "id INT, k INT, w INT, ts TIMESTAMP(3)", "ts", "ts" + watermark, rows(n, T0, 1000, 2, 5));
    }

    private static void assertInsertOnlyOracle(SqlTestKit kit, String sql, int parallelism) throws Exception {
        List<Row> expected = kit.oracle(sql);
        assertThat(expected).isNotEmpty();
        List<Row> got = kit.stream(sql, parallelism);
        assertThat(got).extracting(Row::kind).containsOnly(RowKind.INSERT);
        assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void innerJoinWithBetweenMatchesOnTheBoundsAndNotBeyond(int parallelism) throws Exception {
        SqlTestKit kit = kit(40, " - INTERVAL '5' SECOND");
        String sql = "SELECT l.id, r.id, l.ts, r.ts FROM l JOIN r ON l.k = r.k"
                + " AND l.ts BETWEEN r.ts - INTERVAL '5' SECOND AND r.ts + INTERVAL '3' SECOND";
        assertInsertOnlyOracle(kit, sql, parallelism);
        List<Row> expected = kit.oracle(sql);
        // pairs exactly on both ends (and 1 ms inside) are in, one second beyond is out
        assertThat(expected).anyMatch(r -> (Long) r.field(2) - (Long) r.field(3) == -5_000);
        assertThat(expected).anyMatch(r -> (Long) r.field(2) - (Long) r.field(3) == 3_000);
        assertThat(expected).noneMatch(r -> (Long) r.field(2) - (Long) r.field(3) < -5_000);
        assertThat(kit.sqlEnvironment(StreamEnvironment.create()).explain(sql))
                .contains("IntervalJoin[INNER on =($1, $5), -5000 ms <= ts - ts0 <= 3000 ms]");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void strictBoundsAndAResidualCondition(int parallelism) throws Exception {
        SqlTestKit kit = kit(40, " - INTERVAL '5' SECOND");
        assertInsertOnlyOracle(kit, "SELECT l.id, r.id, l.v, r.w FROM l, r WHERE l.k = r.k AND l.ts >= r.ts"
                + " AND l.ts < r.ts + INTERVAL '2' SECOND AND l.v > r.w", parallelism);
        assertInsertOnlyOracle(kit, "SELECT l.id, r.id FROM l JOIN r ON l.k = r.k AND r.ts > l.ts - INTERVAL '1' SECOND"
                + " AND r.ts - INTERVAL '2' SECOND <= l.ts", parallelism);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void outerJoinsEmitTheUnmatchedRowsPaddedWhenTheyExpire(int parallelism) throws Exception {
        SqlTestKit kit = kit(40, " - INTERVAL '5' SECOND");
        String bound = " ON l.k = r.k AND l.ts BETWEEN r.ts - INTERVAL '1' SECOND AND r.ts + INTERVAL '1' SECOND AND l.v > r.w";
        assertInsertOnlyOracle(kit, "SELECT l.id, r.id FROM l LEFT JOIN r" + bound, parallelism);
        assertInsertOnlyOracle(kit, "SELECT l.id, r.id FROM l RIGHT JOIN r" + bound, parallelism);
        assertInsertOnlyOracle(kit, "SELECT l.id, r.id FROM l FULL JOIN r" + bound, parallelism);
        assertThat(kit.oracle("SELECT l.id, r.id FROM l FULL JOIN r" + bound))
                .anyMatch(r -> r.field(0) == null).anyMatch(r -> r.field(1) == null);
    }

    /**
     * The join's rows can be up to the lower bound behind its watermark (a right row matching a left one 5 s older);
     * a window after it must still count them: the held-back watermark keeps them from being late. Watermarks with no
     * delay and many rows make rows arrive right behind the watermark.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aWindowAfterTheJoinCountsRowsBehindTheJoinsWatermark(int parallelism) throws Exception {
        SqlTestKit kit = new SqlTestKit()
                .table("l", "id INT, k INT, v INT, ts TIMESTAMP(3)", "ts", "ts", ordered(1500, T0, 0))
                .table("r", "id INT, k INT, w INT, ts TIMESTAMP(3)", "ts", "ts", ordered(1500, T0, 10_000));
        String join = "SELECT l.ts AS lts FROM l JOIN r ON l.k = r.k AND l.ts BETWEEN r.ts - INTERVAL '5' SECOND AND r.ts";
        Map<Long, Long> expected = new TreeMap<>();
        for (Row r : kit.oracle(join)) {
            expected.merge((Long) r.field(0) / 10_000 * 10_000, 1L, Long::sum);
        }
        assertThat(expected).hasSizeGreaterThan(3);
        Map<Long, Long> got = new TreeMap<>();
        for (Row r : kit.stream("SELECT TUMBLE_START(lts, INTERVAL '10' SECOND), COUNT(*) FROM (" + join + ")"
                + " GROUP BY TUMBLE(lts, INTERVAL '10' SECOND)", parallelism)) {
            assertThat(got.put((Long) r.field(0), (Long) r.field(1))).isNull();
        }
        assertThat(got).isEqualTo(expected);
    }

    private static List<Row> ordered(int n, long start, int idBase) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(Row.insert(idBase + i, i % 5, i, start + i * 100L));
        }
        return rows;
    }

    @Test
    void aJoinWithOneBoundOrWithoutEventTimeStaysARegularJoin() {
        SqlTestKit kit = kit(4, " - INTERVAL '5' SECOND");
        assertThat(kit.sqlEnvironment(StreamEnvironment.create())
                .explain("SELECT l.id FROM l JOIN r ON l.k = r.k AND l.ts >= r.ts")).doesNotContain("IntervalJoin").contains("Join[");
    }
}
