package io.runnel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.DataStream;
import io.runnel.api.StreamEnvironment;
import io.runnel.api.functions.AggregateFunction;
import io.runnel.api.functions.Collector;
import io.runnel.api.time.WatermarkStrategy;
import io.runnel.api.windowing.CountEvictor;
import io.runnel.api.windowing.ProcessWindowFunction;
import io.runnel.api.windowing.SessionWindows;
import io.runnel.api.windowing.SlidingEventTimeWindows;
import io.runnel.api.windowing.TimeWindow;
import io.runnel.api.windowing.TumblingEventTimeWindows;
import io.runnel.api.windowing.WindowAssigner;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Window results of the runtime against a brute-force oracle: random event-time streams with
 * out-of-order and late events and a random watermark lag; tumbling, sliding and session windows
 * (incremental and element-keeping); parallelism 1 to 4. The oracle replays the stream one event
 * at a time with the watermark the source emits after each event (max timestamp - lag - 1).
 * Both state backends: window contents live in the keyed state backend.
 */
class WindowOraclePropertiesTest implements Serializable {
    record Ev(int key, long ts, int value) implements Serializable {}

    /** Count and sum of a window. */
    static final class CountSum implements AggregateFunction<Ev, long[], long[]> {
        public long[] createAccumulator() {
            return new long[2];
        }

        public long[] add(Ev e, long[] acc) {
            acc[0]++;
            acc[1] += e.value();
            return acc;
        }

        public long[] getResult(long[] acc) {
            return acc;
        }

        public long[] merge(long[] a, long[] b) {
            return new long[] {a[0] + b[0], a[1] + b[1]};
        }
    }

    static final class Emit extends ProcessWindowFunction<long[], String, Integer, TimeWindow> {
        public void process(Integer key, Context ctx, Iterable<long[]> in, Collector<String> out) {
            for (long[] a : in) out.collect(row(key, ctx.window().start(), ctx.window().end(), a[0], a[1]));
        }
    }

    static final class EmitAll extends ProcessWindowFunction<Ev, String, Integer, TimeWindow> {
        public void process(Integer key, Context ctx, Iterable<Ev> in, Collector<String> out) {
            long n = 0, sum = 0;
            for (Ev e : in) {
                n++;
                sum += e.value();
            }
            out.collect(row(key, ctx.window().start(), ctx.window().end(), n, sum));
        }
    }

    static String row(int key, long start, long end, long count, long sum) {
        return key + "@[" + start + "," + end + "):" + count + "/" + sum;
    }

    enum Kind { TUMBLING, SLIDING, SESSION }

    enum Fold { AGGREGATE, ALL_ELEMENTS, WITH_EVICTOR }

    @Provide
    Arbitrary<List<Ev>> events() {
        Arbitrary<Ev> ev = net.jqwik.api.Combinators.combine(
                Arbitraries.integers().between(0, 3), Arbitraries.longs().between(0, 200), Arbitraries.integers().between(1, 9))
                .as(Ev::new);
        return ev.list().ofMinSize(1).ofMaxSize(120);
    }

    @Property(tries = 80)
    void windowsEqualTheOracle(@ForAll("events") List<Ev> events, @ForAll Kind kind, @ForAll Fold fold,
                               @ForAll @IntRange(min = 0, max = 40) int lag, @ForAll @IntRange(min = 1, max = 4) int parallelism,
                               @ForAll @IntRange(min = 5, max = 30) int size, @ForAll @IntRange(min = 1, max = 3) int slideDiv,
                               @ForAll("backends") String backend) throws Exception {
        long slide = Math.max(1, size / slideDiv);
        WindowAssigner<Object, TimeWindow> assigner = switch (kind) {
            case TUMBLING -> TumblingEventTimeWindows.of(Duration.ofMillis(size));
            case SLIDING -> SlidingEventTimeWindows.of(Duration.ofMillis(size), Duration.ofMillis(slide));
            case SESSION -> SessionWindows.withGap(Duration.ofMillis(size / 2 + 1));
        };
        List<String> actual = run(events, assigner, fold, lag, parallelism, backend);
        List<String> expected = oracle(events, kind, size, slide, size / 2 + 1, lag);
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Provide
    Arbitrary<String> backends() {
        return Arbitraries.of("heap", "rocksdb");
    }

    private List<String> run(List<Ev> events, WindowAssigner<Object, TimeWindow> assigner, Fold fold, int lag, int parallelism,
                             String backend) throws Exception {
        // the oracle replays a watermark after every event: the source must emit one after every poll
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism).setWorkerThreads(2).setStateBackend(backend)
                .setAutoWatermarkInterval(Duration.ZERO);
        long[] ts = events.stream().mapToLong(Ev::ts).toArray();
        DataStream<Ev> src = env.fromSource(new ScriptedSource<>(events, ts),
                WatermarkStrategy.<Ev>forBoundedOutOfOrderness(Duration.ofMillis(lag)), "scripted");
        src.setParallelism(1); // one watermark source, so the oracle's watermark is the operator's
        var windowed = src.keyBy(Ev::key).window(assigner);
        DataStream<String> out = switch (fold) {
            case AGGREGATE -> windowed.aggregate(new CountSum(), new Emit());
            case ALL_ELEMENTS -> windowed.process(new EmitAll());
            case WITH_EVICTOR -> windowed.evictor(CountEvictor.of(Integer.MAX_VALUE)).process(new EmitAll());
        };
        CollectSink<String> sink = new CollectSink<>();
        out.sinkTo(sink);
        env.execute("window-oracle");
        List<String> results = sink.results();
        sink.clear();
        return results;
    }

    /** Replays the events one by one with Flink's window semantics (allowed lateness 0). */
    static List<String> oracle(List<Ev> events, Kind kind, long size, long slide, long gap, int lag) {
        List<String> out = new ArrayList<>();
        Map<Integer, Map<TimeWindow, long[]>> open = new HashMap<>();
        long wm = Long.MIN_VALUE;
        long maxTs = Long.MIN_VALUE;
        for (Ev e : events) {
            Map<TimeWindow, long[]> windows = open.computeIfAbsent(e.key(), k -> new HashMap<>());
            if (kind == Kind.SESSION) {
                TimeWindow w = new TimeWindow(e.ts(), e.ts() + gap);
                long[] acc = new long[2];
                List<TimeWindow> absorbed = new ArrayList<>();
                for (TimeWindow x : windows.keySet()) if (x.intersects(w)) absorbed.add(x);
                for (TimeWindow x : absorbed) {
                    w = w.cover(x);
                    long[] a = windows.remove(x);
                    acc[0] += a[0];
                    acc[1] += a[1];
                }
                if (absorbed.isEmpty() && w.maxTimestamp() <= wm) continue; // late
                acc[0]++;
                acc[1] += e.value();
                windows.put(w, acc);
            } else {
                long s = slide(kind, size, slide);
                for (long start = TimeWindow.startOf(e.ts(), 0, s); start > e.ts() - size; start -= s) {
                    TimeWindow w = new TimeWindow(start, start + size);
                    if (w.maxTimestamp() <= wm) continue;
                    long[] acc = windows.computeIfAbsent(w, x -> new long[2]);
                    acc[0]++;
                    acc[1] += e.value();
                }
            }
            maxTs = Math.max(maxTs, e.ts());
            wm = Math.max(wm, maxTs - lag - 1);
            fire(open, wm, out);
        }
        fire(open, Long.MAX_VALUE, out);
        return out;
    }

    private static long slide(Kind kind, long size, long slide) {
        return kind == Kind.TUMBLING ? size : slide;
    }

    private static void fire(Map<Integer, Map<TimeWindow, long[]>> open, long wm, List<String> out) {
        for (Map.Entry<Integer, Map<TimeWindow, long[]>> k : open.entrySet()) {
            k.getValue().entrySet().removeIf(w -> {
                if (w.getKey().maxTimestamp() > wm) return false;
                out.add(row(k.getKey(), w.getKey().start(), w.getKey().end(), w.getValue()[0], w.getValue()[1]));
                return true;
            });
        }
    }
}
