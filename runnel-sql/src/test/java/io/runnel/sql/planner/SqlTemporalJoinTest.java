package io.runnel.sql.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.StreamEnvironment;
import io.runnel.sql.data.Row;
import io.runnel.sql.data.RowKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Event-time temporal joins: each order meets the rate valid at its time (the latest at or before it), from an append
 * table (each row a version) and an upsert table (with a delete); expected rows computed by hand.
 */
@Timeout(60)
class SqlTemporalJoinTest {
    static final long T0 = SqlQueryTest.T0;

    static final List<Row> ORDERS = List.of(
            Row.insert(1, "EUR", T0 + 500), // before EUR's first version
            Row.insert(2, "EUR", T0 + 1_000), // exactly at a version
            Row.insert(7, "USD", T0 + 1_999), // 1 ms before USD's first version
            Row.insert(3, "EUR", T0 + 2_999),
            Row.insert(4, "EUR", T0 + 3_000), // the version at 3 s arrives after the one at 5 s
            Row.insert(10, "GBP", T0 + 5_000), // a key without versions
            Row.insert(5, "EUR", T0 + 4_000),
            Row.insert(6, "EUR", T0 + 6_000),
            Row.insert(8, "USD", T0 + 7_000),
            Row.insert(9, "USD", T0 + 8_500),
            Row.insert(11, "EUR", T0 + 9_500),
            Row.insert(12, "USD", T0 + 9_500));

    /** Rate versions in arrival order; out of order within the 3 s watermark bound. */
    static List<Row> rates(boolean upsert) {
        List<Row> rates = new ArrayList<>(List.of(
                Row.of(RowKind.INSERT, "EUR", 10, T0 + 1_000),
                Row.of(RowKind.INSERT, "USD", 20, T0 + 2_000),
                Row.of(upsert ? RowKind.UPDATE_AFTER : RowKind.INSERT, "EUR", 11, T0 + 5_000),
                Row.of(upsert ? RowKind.UPDATE_AFTER : RowKind.INSERT, "EUR", 12, T0 + 3_000),
                Row.of(upsert ? RowKind.UPDATE_AFTER : RowKind.INSERT, "USD", 21, T0 + 8_000),
                Row.of(upsert ? RowKind.UPDATE_AFTER : RowKind.INSERT, "EUR", 13, T0 + 9_000)));
        if (upsert) {
            rates.add(Row.of(RowKind.DELETE, "USD", null, T0 + 9_000)); // USD has no rate from 9 s on
        }
        return rates;
    }

    static SqlTestKit kit(boolean upsert) {
        return new SqlTestKit()
                .table("orders", "id INT, cur VARCHAR, ts TIMESTAMP(3)", "ts", "ts - INTERVAL '2' SECOND", ORDERS)
                .table("rates", "cur VARCHAR, rate INT, ts TIMESTAMP(3)", "ts", "ts - INTERVAL '3' SECOND", List.of("cur"),
                        upsert ? "upsert" : null, rates(upsert));
    }

    /** (order id, rate) of every order, the rate null where it has none. */
    static List<Row> expected(boolean upsert, boolean left) {
        Object[][] all = {{1, null}, {2, 10}, {7, null}, {3, 10}, {4, 12}, {10, null}, {5, 12}, {6, 11}, {8, 20}, {9, 21},
            {11, 13}, {12, upsert ? null : 21}};
        List<Row> rows = new ArrayList<>();
        for (Object[] r : all) {
            if (left || r[1] != null) {
                rows.add(Row.insert(r[0], r[1]));
            }
        }
        return rows;
    }

    private static void assertJoin(boolean upsert, boolean left, int parallelism) throws Exception {
        List<Row> got = kit(upsert).stream("SELECT o.id, r.rate FROM orders AS o " + (left ? "LEFT " : "")
                + "JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.cur = r.cur", parallelism);
        assertThat(got).extracting(Row::kind).containsOnly(RowKind.INSERT);
        assertThat(got).containsExactlyInAnyOrderElementsOf(expected(upsert, left));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void eachRowMeetsTheVersionValidAtItsTimeInAnAppendTable(int parallelism) throws Exception {
        assertJoin(false, false, parallelism);
        assertJoin(false, true, parallelism);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void anUpsertTablesUpdatesAreVersionsAndADeleteEndsTheRow(int parallelism) throws Exception {
        assertJoin(true, false, parallelism);
        assertJoin(true, true, parallelism);
    }

    @Test
    void theResultKeepsTheLeftTimeAttributeForAWindow() throws Exception {
        List<Row> got = kit(false).stream("SELECT TUMBLE_START(ts, INTERVAL '5' SECOND), COUNT(*), SUM(rate) FROM"
                + " (SELECT o.ts, r.rate FROM orders AS o JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.cur = r.cur)"
                + " GROUP BY TUMBLE(ts, INTERVAL '5' SECOND)", 2);
        assertThat(got).containsExactlyInAnyOrder(Row.insert(T0, 4L, 44), Row.insert(T0 + 5_000, 5L, 86));
    }

    @Test
    void explainNamesTheTemporalJoin() {
        assertThat(kit(true).sqlEnvironment(StreamEnvironment.create())
                .explain("SELECT o.id, r.rate FROM orders AS o JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.cur = r.cur"))
                .contains("TemporalJoin[INNER rates AS OF ts on =($1, $3)]");
    }

    @Test
    void aTableThatIsNotVersionedOrAJoinMissingItsKeyIsRejected() {
        SqlTestKit kit = kit(false)
                .table("nokey", "cur VARCHAR, rate INT, ts TIMESTAMP(3)", "ts", "ts", List.of(Row.insert("EUR", 1, T0)))
                .table("notime", "cur VARCHAR, rate INT, ts TIMESTAMP(3)", null, null, List.of("cur"), null, List.of());
        var sql = kit.sqlEnvironment(StreamEnvironment.create());
        assertThatThrownBy(() -> sql.planQuery("SELECT * FROM orders AS o JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.id = r.rate"))
                .isInstanceOf(SqlPlanningException.class).hasMessageContaining("PRIMARY KEY").hasMessageContaining("missing: [cur]");
        assertThatThrownBy(() -> sql.planQuery("SELECT * FROM orders AS o JOIN nokey FOR SYSTEM_TIME AS OF o.ts AS r ON o.cur = r.cur"))
                .isInstanceOf(SqlPlanningException.class).hasMessageContaining("nokey has no PRIMARY KEY");
        assertThatThrownBy(() -> sql.planQuery("SELECT * FROM orders AS o JOIN notime FOR SYSTEM_TIME AS OF o.ts AS r ON o.cur = r.cur"))
                .isInstanceOf(SqlPlanningException.class).hasMessageContaining("notime has no WATERMARK");
    }
}
