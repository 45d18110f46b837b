package io.runnel.sql.exec.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sql.data.Row;
import io.runnel.sql.data.RowKind;
import io.runnel.sql.exec.CompiledCalc;
import io.runnel.sql.exec.GroupKeySelector;
import org.junit.jupiter.api.Test;

/** The temporal join operator alone: versions arriving after the rows that need them, and the versions it drops. */
class TemporalJoinFunctionTest {
    /** Left rows (key, ts), versions (key, value, ts); emits the left row and the version's value. */
    private static CoProcessHarness<Row, Row, Row> harness() throws Exception {
        CompiledCalc joined = new CompiledCalc("""
                public boolean filter(Object[] f, org.apache.calcite.DataContext root) { return true; }
                public Object[] project(Object[] f, org.apache.calcite.DataContext root) { return new Object[] {f[0], f[1], f[3]}; }
                """, false, true);
        TemporalJoinFunction fn = new TemporalJoinFunction(2, 3, 1, 2, joined, joined);
        return new CoProcessHarness<>(fn, new GroupKeySelector(new int[] {0}), new GroupKeySelector(new int[] {0}));
    }

    @Test
    void rowsWaitForTheWatermarkAndMeetVersionsThatArriveAfterThem() throws Exception {
        CoProcessHarness<Row, Row, Row> h = harness();
        h.left(Row.insert("a", 5_000L), 5_000);
        h.left(Row.insert("a", 500L), 500);
        h.right(Row.insert("a", "v4", 4_000L), 4_000);
        h.right(Row.insert("a", "v1", 1_000L), 1_000); // earlier in event time, later in arrival
        h.right(Row.of(RowKind.UPDATE_BEFORE, "a", "v4", 4_000L), 4_000); // ignored
        h.right(Row.insert("a", "v9", 9_000L), 9_000);
        assertThat(h.takeOutput()).isEmpty();
        h.watermark(5_000);
        assertThat(h.takeOutput()).containsExactly(Row.insert("a", 500L, null), Row.insert("a", 5_000L, "v4"));
        // v1 can no longer be valid for a row after the watermark: gone; v4 (valid at 5 s) and v9 stay
        assertThat(h.stateSize("temporal-join-left")).isZero();
        h.left(Row.insert("a", 4_500L), 4_500); // late: dropped
        h.left(Row.insert("a", 8_999L), 8_999);
        h.right(Row.of(RowKind.DELETE, "a", "v9", 10_000L), 10_000);
        h.left(Row.insert("a", 10_000L), 10_000);
        h.watermark(20_000);
        assertThat(h.takeOutput()).containsExactly(Row.insert("a", 8_999L, "v4"), Row.insert("a", 10_000L, null));
        assertThat(h.stateSize("temporal-join-versions")).isZero(); // the newest is a delete: nothing is valid any more
        assertThat(h.pendingEventTimers()).isZero();
    }
}
