package io.runnel.sql.frame;

import static io.runnel.sql.frame.FrameTestKit.ts;
import static io.runnel.sql.frame.functions.col;
import static io.runnel.sql.frame.functions.count;
import static io.runnel.sql.frame.functions.sum;
import static io.runnel.sql.frame.functions.window;
import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sql.data.Row;
import io.runnel.sql.data.RowKind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Event-time operations of frames against results worked out by hand from {@link FrameTestKit}'s rows. */
@Timeout(120)
class FrameStreamingTest {
    @TempDir
    static Path dir;
    static FrameTestKit kit;

    @BeforeAll
    static void files() throws Exception {
        kit = new FrameTestKit(dir);
    }

    @Test
    void tumblingWindowWithWatermarkCountsEachWindowOnce() throws Exception {
        List<Row> changelog = FrameTestKit.changelog(2, s -> kit.orders(s)
                .groupBy(window(col("ts"), "4 seconds"), col("product")).agg(count("*").as("n"), sum("amount").as("total")));
        assertThat(changelog).extracting(Row::kind).containsOnly(RowKind.INSERT);
        assertThat(changelog).containsExactlyInAnyOrder(
                w("00", "04", "apple", 3L, 13), w("00", "04", "pear", 1L, 1), w("00", "04", "plum", 1L, 4),
                w("04", "08", "pear", 1L, 7), w("04", "08", "apple", 1L, 2), w("04", "08", "plum", 1L, 6),
                w("08", "12", "pear", 1L, 3), w("12", "16", "apple", 1L, 1));
    }

    private static Row w(String start, String end, Object... rest) {
        Object[] f = new Object[rest.length + 2];
        f[0] = ts("10:00:" + start);
        f[1] = ts("10:00:" + end);
        System.arraycopy(rest, 0, f, 2, rest.length);
        return Row.insert(f);
    }

    @Test
    void slidingWindowPutsARowInEveryWindowOverlappingIt() throws Exception {
        List<Row> got = FrameTestKit.frame(2, s -> kit.orders(s).groupBy(window(col("ts"), "4 seconds", "2 seconds")).count());
        assertThat(got).containsExactlyInAnyOrder(
                Row.insert(ts("09:59:58"), ts("10:00:02"), 2L), w("00", "04", 5L), w("02", "06", 5L), w("04", "08", 3L),
                w("06", "10", 2L), w("08", "12", 1L), w("10", "14", 1L), w("12", "16", 1L));
    }

    @Test
    void dropDuplicatesKeepsTheFirstRowOfEachKey() throws Exception {
        List<Row> got = FrameTestKit.frame(2, s -> kit.orders(s).dropDuplicates("product").select("id", "product"));
        assertThat(got).containsExactlyInAnyOrder(Row.insert(1, "apple"), Row.insert(2, "pear"), Row.insert(4, "plum"));
    }

    @Test
    void dropDuplicatesWithinWatermarkForgetsKeysOnceTheWatermarkPassesTheirWindow() throws Exception {
        List<Row> changelog = FrameTestKit.changelog(2, s -> s.readStream().format("json").schema(FrameTestKit.ORDER_COLUMNS)
                .load(kit.orders.toString()).withWatermark("ts", "4 seconds").dropDuplicatesWithinWatermark("product").select("id"));
        // windows of 4 s: [0, 4) keeps apple 1, pear 2, plum 4; [4, 8) pear 5, apple 6, plum 7; [8, 12) pear 8; [12, 16) apple 9
        assertThat(changelog).extracting(Row::kind).containsOnly(RowKind.INSERT);
        assertThat(changelog).extracting(r -> r.field(0)).containsExactlyInAnyOrder(1, 2, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void streamStaticJoinMeetsEveryOrderWithItsProduct() throws Exception {
        List<Row> got = FrameTestKit.frame(2, s -> {
            DataFrame o = kit.orders(s);
            DataFrame p = kit.products(s);
            return o.join(p, o.col("product").equalTo(p.col("name"))).select(o.col("id"), p.col("category"));
        });
        assertThat(got).extracting(r -> r.field(0)).containsExactlyInAnyOrder(1, 2, 3, 3, 5, 6, 8, 9);
        assertThat(got).extracting(r -> r.field(1)).containsOnly("fruit");
    }

    @Test
    void streamStreamJoinWithATimeBoundIsAnIntervalJoin() throws Exception {
        StreamingSession plan = StreamingSession.create(io.runnel.api.StreamEnvironment.create());
        assertThat(shipped(plan).explain()).contains("IntervalJoin");
        List<Row> got = FrameTestKit.frame(2, FrameStreamingTest::shipped);
        // shipped within 3 s of the order: 1 (2 s after), 4 (1 s), 8 (3 s); 7 ships before it was ordered, 2 after 8 s
        assertThat(got).containsExactlyInAnyOrder(Row.insert(1, "ups"), Row.insert(4, "ups"), Row.insert(8, "ups"));
    }

    private static DataFrame shipped(StreamingSession s) {
        DataFrame o = kit.orders(s);
        DataFrame sh = kit.shipments(s);
        return o.join(sh, o.col("id").equalTo(sh.col("order_id"))
                        .and(sh.col("ts").geq(o.col("ts"))).and(sh.col("ts").leq(o.col("ts").plus(functions.interval("3 seconds")))))
                .select(o.col("id"), sh.col("carrier"));
    }
}
