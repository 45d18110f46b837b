package io.runnel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.DataStream;
import io.runnel.api.functions.AggregateFunction;
import io.runnel.api.functions.Collector;
import io.runnel.api.windowing.ProcessWindowFunction;
import io.runnel.api.windowing.SessionWindows;
import io.runnel.api.windowing.SlidingEventTimeWindows;
import io.runnel.api.windowing.TumblingEventTimeWindows;
import io.runnel.api.windowing.Window;
import io.runnel.runtime.operators.StreamOperator;
import io.runnel.runtime.state.KeyGroups;
import io.runnel.runtime.windowing.SlicingWindowOperator;
import io.runnel.runtime.windowing.WindowOperator;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Window state lives in the keyed state backend: it is there (not in the operator), and a job
 * snapshotted at parallelism 2 and restored at 1, 2 or 3 emits exactly what the uninterrupted
 * job emits, for sessions (merging), count windows (purging), tumbling windows with an evictor
 * and sliding windows (slices), on both backends.
 */
class WindowStateRescaleTest implements Serializable {
    private static final int MAX_P = 128;
    private static final java.util.concurrent.atomic.AtomicLong CHECKPOINTS = new java.util.concurrent.atomic.AtomicLong(1000);

    /** Count and sum. */
    static final class CountSum implements AggregateFunction<String, long[], long[]> {
        public long[] createAccumulator() {
            return new long[2];
        }

        public long[] add(String v, long[] acc) {
            acc[0]++;
            acc[1] += value(v);
            return acc;
        }

        public long[] getResult(long[] acc) {
            return acc;
        }

        public long[] merge(long[] a, long[] b) {
            return new long[] {a[0] + b[0], a[1] + b[1]};
        }
    }

    static final class Describe extends ProcessWindowFunction<long[], String, String, Window> {
        public void process(String key, Context ctx, Iterable<long[]> in, Collector<String> out) {
            for (long[] a : in) out.collect(key + " " + ctx.window() + " n=" + a[0] + " sum=" + a[1]);
        }
    }

    static final class DescribeAll extends ProcessWindowFunction<String, String, String, Window> {
        public void process(String key, Context ctx, Iterable<String> in, Collector<String> out) {
            List<String> l = new ArrayList<>();
            in.forEach(l::add);
            out.collect(key + " " + ctx.window() + " " + l);
        }
    }

    static long value(String v) {
        return Long.parseLong(v.split(":")[1]);
    }

    static String keyOf(String v) {
        return v.split(":")[0];
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Function<DataStream<String>, DataStream<String>> pipeline(String kind) {
        return switch (kind) {
            case "session" -> s -> s.keyBy(WindowStateRescaleTest::keyOf).window((io.runnel.api.windowing.WindowAssigner) SessionWindows.withGap(Duration.ofMillis(45)))
                    .aggregate(new CountSum(), (ProcessWindowFunction) new Describe());
            case "count" -> s -> s.keyBy(WindowStateRescaleTest::keyOf).countWindow(4)
                    .aggregate(new CountSum(), (ProcessWindowFunction) new Describe());
            case "evictor" -> s -> s.keyBy(WindowStateRescaleTest::keyOf).window((io.runnel.api.windowing.WindowAssigner) TumblingEventTimeWindows.of(Duration.ofMillis(100)))
                    .evictor(io.runnel.api.windowing.CountEvictor.of(3)).process((ProcessWindowFunction) new DescribeAll());
            case "sliding" -> s -> s.keyBy(WindowStateRescaleTest::keyOf).window((io.runnel.api.windowing.WindowAssigner) SlidingEventTimeWindows.of(Duration.ofMillis(90), Duration.ofMillis(30)))
                    .allowedLateness(Duration.ofMillis(20))
                    .aggregate(new CountSum(), (ProcessWindowFunction) new Describe());
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** Record i: key k(i % 13), timestamp with a pause of 60 every 100 records (sessions end), some late. */
    private static long time(int i) {
        long t = i + (i / 100) * 60L;
        return i % 17 == 0 ? t - 25 : t;
    }

    private static List<String> feed(List<OperatorHarness<String, String>> subtasks, int from, int to, boolean end) throws Exception {
        int p = subtasks.size();
        for (OperatorHarness<String, String> h : subtasks) h.clearOutput();
        for (int i = from; i < to; i++) {
            String r = "k" + (i % 13) + ":" + i;
            subtasks.get(KeyGroups.subtaskOfKey(keyOf(r), MAX_P, p)).processElement(r, time(i));
            if (i % 50 == 49) for (OperatorHarness<String, String> h : subtasks) h.processWatermark(time(i) - 10);
        }
        List<String> out = new ArrayList<>();
        for (OperatorHarness<String, String> h : subtasks) {
            if (end) h.processWatermark(Long.MAX_VALUE);
            out.addAll(h.output());
        }
        Collections.sort(out);
        return out;
    }

    private static List<OperatorHarness<String, String>> open(String kind, int p, String backend, List<OperatorHarness.Snapshot> from) throws Exception {
        List<OperatorHarness<String, String>> hs = new ArrayList<>();
        for (int i = 0; i < p; i++) hs.add(from == null ? OperatorHarness.of(pipeline(kind), i, p, backend) : OperatorHarness.restore(pipeline(kind), i, p, backend, from));
        return hs;
    }

    /** What the window operators hold in the keyed state backend (both count their entries there). */
    private static long backendEntries(List<OperatorHarness<String, String>> hs) {
        long n = 0;
        for (OperatorHarness<String, String> h : hs) {
            for (StreamOperator<?> op : h.operators()) {
                if (op instanceof WindowOperator w) n += w.stateEntryCount();
                if (op instanceof SlicingWindowOperator w) n += w.stateEntryCount();
            }
        }
        return n;
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"session,heap", "session,rocksdb", "count,heap", "count,rocksdb", "evictor,heap", "evictor,rocksdb",
            "sliding,heap", "sliding,rocksdb"})
    void windowStateIsInTheBackendAndSurvivesRescale(String kind, String backend) throws Exception {
        List<OperatorHarness<String, String>> original = open(kind, 2, backend, null);
        List<String> before = feed(original, 0, 420, false);
        assertThat(before).isNotEmpty();
        assertThat(backendEntries(original)).as("window entries in the backend").isPositive();
        List<OperatorHarness.Snapshot> snaps = new ArrayList<>();
        long id = CHECKPOINTS.incrementAndGet(); // the harness's snapshot directory is shared by the whole run
        for (OperatorHarness<String, String> h : original) snaps.add(h.snapshot(id));
        List<String> expected = feed(original, 420, 800, true);
        assertThat(expected).isNotEmpty();
        for (OperatorHarness<String, String> h : original) h.close();
        for (int p : new int[] {1, 2, 3}) {
            List<OperatorHarness<String, String>> restored = open(kind, p, backend, snaps);
            assertThat(feed(restored, 420, 800, true)).as("restored at parallelism %d", p).isEqualTo(expected);
            for (OperatorHarness<String, String> h : restored) h.close();
        }
    }
}
