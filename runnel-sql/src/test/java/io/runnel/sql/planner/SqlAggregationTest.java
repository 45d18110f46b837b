package io.runnel.sql.planner;

import static io.runnel.sql.oracle.Changelogs.materialize;
import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sql.data.Row;
import io.runnel.sql.data.RowKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GROUP BY over updating inputs, DISTINCT, FILTER and APPROX_COUNT_DISTINCT: the final table equals Calcite's batch result. */
@Timeout(60)
class SqlAggregationTest {
    /** 60 bids over 60 s: few auctions and bidders, so values repeat within groups and windows. */
    static List<Row> bids() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            long ts = SqlQueryTest.T0 + i * 1_000L - (i % 3) * 1_500L;
            rows.add(Row.insert(i, i % 4, (i * 7) % 5, (i * 37) % 23 * 1_000, i % 11 == 0 ? null : "c" + (i % 3), ts));
        }
        return rows;
    }

    static SqlTestKit kit() {
        return new SqlTestKit().table("bid", "id INT, auction INT, bidder INT, price INT, channel VARCHAR, ts TIMESTAMP(3)",
                "ts", "ts - INTERVAL '5' SECOND", bids());
    }

    private static List<Row> assertFinalTableIsTheBatchResult(SqlTestKit kit, String sql, int parallelism) throws Exception {
        List<Row> expected = kit.oracle(sql);
        assertThat(expected).isNotEmpty();
        List<Row> changelog = kit.stream(sql, parallelism);
        assertThat(materialize(changelog)).containsExactlyInAnyOrderElementsOf(expected);
        return changelog;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aggregateOfAnAggregateRetractsCountsSumsAndExtremes(int parallelism) throws Exception {
        String sql = "SELECT n, COUNT(*) AS n_groups, SUM(s) AS total, AVG(s) AS av, MIN(s) AS lo, MAX(s) AS hi,"
                + " MIN(hi) AS lowest_high FROM (SELECT product, COUNT(*) AS n, SUM(amount) AS s, MAX(price) AS hi"
                + " FROM orders GROUP BY product) GROUP BY n";
        List<Row> changelog = assertFinalTableIsTheBatchResult(SqlQueryTest.kit(), sql, parallelism);
        assertThat(changelog).extracting(Row::kind).contains(RowKind.DELETE, RowKind.UPDATE_BEFORE);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void extremesOfAnUpdatingInputAreReplacedWhenRetracted(int parallelism) throws Exception {
        String sql = "SELECT bidder, MAX(hi) AS top, MIN(hi) AS bottom, MIN(n) AS fewest, COUNT(*) AS auctions"
                + " FROM (SELECT auction, bidder, MAX(price) AS hi, COUNT(*) AS n FROM bid GROUP BY auction, bidder)"
                + " GROUP BY bidder";
        assertFinalTableIsTheBatchResult(kit(), sql, parallelism);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void globalAggregateOverAnUpdatingInput(int parallelism) throws Exception {
        String sql = "SELECT COUNT(*) AS n_groups, SUM(n) AS rows_seen, MAX(n) AS biggest, MIN(n) AS smallest"
                + " FROM (SELECT auction, bidder, COUNT(*) AS n FROM bid GROUP BY auction, bidder)";
        assertFinalTableIsTheBatchResult(kit(), sql, parallelism);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void distinctAndFilteredAggregates(int parallelism) throws Exception {
        String sql = "SELECT auction, COUNT(DISTINCT bidder) AS bidders, SUM(DISTINCT price) AS prices,"
                + " COUNT(*) FILTER (WHERE price < 10000) AS cheap,"
                + " COUNT(DISTINCT bidder) FILTER (WHERE price < 10000) AS cheap_bidders,"
                + " MAX(price) FILTER (WHERE channel = 'c1') AS c1_top, APPROX_COUNT_DISTINCT(channel) AS channels"
                + " FROM bid GROUP BY auction";
        assertFinalTableIsTheBatchResult(kit(), sql, parallelism);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void distinctOverAnUpdatingInput(int parallelism) throws Exception {
        // (a DISTINCT with a FILTER here sends Calcite's own batch planner, the oracle, into an endless search)
        String sql = "SELECT bidder, COUNT(DISTINCT n) AS sizes, SUM(DISTINCT n) AS size_sum"
                + " FROM (SELECT auction, bidder, COUNT(*) AS n, MAX(price) AS hi FROM bid GROUP BY auction, bidder)"
                + " GROUP BY bidder";
        assertFinalTableIsTheBatchResult(kit(), sql, parallelism);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void distinctAndFilteredAggregatesInWindows(int parallelism) throws Exception {
        SqlTestKit kit = kit();
        for (String tvf : List.of("TUMBLE(TABLE bid, DESCRIPTOR(ts), INTERVAL '10' SECOND)",
                "HOP(TABLE bid, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '15' SECOND)")) {
            String sql = "SELECT window_start, window_end, channel, COUNT(DISTINCT bidder) AS bidders,"
                    + " COUNT(DISTINCT bidder) FILTER (WHERE price < 10000) AS cheap_bidders,"
                    + " SUM(DISTINCT price) AS prices, APPROX_COUNT_DISTINCT(auction) AS auctions"
                    + " FROM TABLE(" + tvf + ") GROUP BY window_start, window_end, channel";
            List<Row> expected = kit.oracle(sql);
            assertThat(expected).isNotEmpty();
            assertThat(kit.stream(sql, parallelism)).as(tvf).containsExactlyInAnyOrderElementsOf(expected);
        }
    }
}
