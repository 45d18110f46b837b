package io.runnel.sql.exec.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sql.data.Row;
import io.runnel.sql.exec.GroupKeySelector;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The interval join operator alone: matches on the bounds, drops its buffers as the watermark passes, drops late rows. */
class IntervalJoinFunctionTest {
    /** Rows (key, ts); a left row at tl meets right rows at tr with -5 s <= tl - tr <= 3 s. */
    private static CoProcessHarness<Row, Row, Row> harness(IntervalJoinFunction fn) throws Exception {
        return new CoProcessHarness<>(fn, new GroupKeySelector(new int[] {0}), new GroupKeySelector(new int[] {0}));
    }

    private static IntervalJoinFunction join(JoinKind kind) {
        return new IntervalJoinFunction(kind, 2, 2, 1, 1, -5_000, 3_000, null, true);
    }

    private static List<Row> rows(CoProcessHarness<Row, Row, Row> h) {
        return h.takeOutput().stream().filter(r -> !WatermarkHold.isMarker(r)).toList();
    }

    @Test
    void joinsOnTheBoundsAndDropsItsStateOnceTheWatermarkPasses() throws Exception {
        IntervalJoinFunction fn = join(JoinKind.INNER);
        CoProcessHarness<Row, Row, Row> h = harness(fn);
        h.left(Row.insert("a", 10_000L), 10_000);
        h.right(Row.insert("a", 15_000L), 15_000); // tl - tr = -5 s: on the lower bound
        h.right(Row.insert("a", 15_001L), 15_001); // 1 ms beyond it
        h.right(Row.insert("a", 7_000L), 7_000); // +3 s: on the upper bound
        h.right(Row.insert("b", 10_000L), 10_000); // another key
        assertThat(rows(h)).containsExactly(Row.insert("a", 10_000L, "a", 15_000L), Row.insert("a", 10_000L, "a", 7_000L));
        assertThat(h.stateSize("interval-join-left")).isEqualTo(1);
        assertThat(h.stateSize("interval-join-right")).isEqualTo(2);

        h.watermark(14_999); // the left row can still meet a right row at 15 s
        assertThat(h.stateSize("interval-join-left")).isEqualTo(1);
        h.watermark(18_001); // every right row is past tr + 3 s, the left one past tl + 5 s
        assertThat(h.stateSize("interval-join-left")).isZero();
        assertThat(h.stateSize("interval-join-right")).isZero();
        assertThat(h.pendingEventTimers()).isZero();

        h.right(Row.insert("a", 12_000L), 12_000); // behind the watermark: late, though the left row would match it
        h.left(Row.insert("a", 18_000L), 18_000);
        assertThat(rows(h)).isEmpty();
        assertThat(fn.lateRows()).isEqualTo(2);
        assertThat(h.stateSize("interval-join-left")).isZero();
    }

    @Test
    void anOuterRowIsPaddedWhenItExpiresAfterAMarkerOfTheTimersTime() throws Exception {
        CoProcessHarness<Row, Row, Row> h = harness(join(JoinKind.LEFT));
        h.left(Row.insert("a", 10_000L), 10_000);
        h.left(Row.insert("a", 20_000L), 20_000);
        h.right(Row.insert("a", 21_000L), 21_000);
        assertThat(rows(h)).containsExactly(Row.insert("a", 20_000L, "a", 21_000L));
        h.watermark(40_000);
        List<Row> out = h.takeOutput();
        // the watermark jumped, but the marker before the padded row is its expiry (10 s + 5 s), not 40 s
        assertThat(out).containsExactly(WatermarkHold.marker(15_000), Row.insert("a", 10_000L, null, null),
                WatermarkHold.marker(24_000), WatermarkHold.marker(25_000));
        assertThat(h.stateSize("interval-join-left")).isZero();
        assertThat(h.watermarks()).containsExactly(40_000L);
    }
}
