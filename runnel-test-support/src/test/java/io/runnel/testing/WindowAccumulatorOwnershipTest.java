package io.runnel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.functions.AggregateFunction;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.ReduceFunction;
import io.runnel.api.windowing.ProcessWindowFunction;
import io.runnel.api.windowing.SlidingEventTimeWindows;
import io.runnel.api.windowing.TimeWindow;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * User functions may mutate what the window hands them: a ReduceFunction may add into and return
 * its first argument, an AggregateFunction's merge may reuse its first argument (or return its
 * second). Sliding windows share slices, so a stored slice accumulator must never be that first
 * argument: results with mutating functions must equal those with pure ones.
 */
class WindowAccumulatorOwnershipTest implements Serializable {
    /** A mutable counter: the kind of value a reduce adds into. */
    static final class Counter implements Serializable {
        final String key;
        long n;

        Counter(String key, long n) {
            this.key = key;
            this.n = n;
        }
    }

    static final class Describe extends ProcessWindowFunction<Counter, String, String, TimeWindow> {
        public void process(String key, Context ctx, Iterable<Counter> in, Collector<String> out) {
            for (Counter c : in) out.collect(key + "@" + ctx.window().start() + ":" + c.n);
        }
    }

    static final class DescribeLong extends ProcessWindowFunction<long[], String, String, TimeWindow> {
        public void process(String key, Context ctx, Iterable<long[]> in, Collector<String> out) {
            for (long[] c : in) out.collect(key + "@" + ctx.window().start() + ":" + c[0]);
        }
    }

    /** Counts elements; {@code mutating} merges into its first argument, or returns the second when the first is empty. */
    static final class Count implements AggregateFunction<Counter, long[], long[]> {
        final boolean mutating;

        Count(boolean mutating) {
            this.mutating = mutating;
        }

        public long[] createAccumulator() {
            return new long[1];
        }

        public long[] add(Counter c, long[] acc) {
            acc[0] += c.n;
            return acc;
        }

        public long[] getResult(long[] acc) {
            return acc;
        }

        public long[] merge(long[] a, long[] b) {
            if (!mutating) return new long[] {a[0] + b[0]};
            if (a[0] == 0) return b;
            a[0] += b[0];
            return a;
        }
    }

    private static final ReduceFunction<Counter> MUTATING = (a, b) -> {
        a.n += b.n;
        return a;
    };
    private static final ReduceFunction<Counter> PURE = (a, b) -> new Counter(a.key, a.n + b.n);

    private static List<String> runReduce(ReduceFunction<Counter> reduce, String backend, long lateness) throws Exception {
        try (OperatorHarness<Counter, String> h = OperatorHarness.of(s -> s.keyBy(c -> c.key)
                .window(SlidingEventTimeWindows.of(Duration.ofMillis(30), Duration.ofMillis(10)))
                .allowedLateness(Duration.ofMillis(lateness))
                .reduce(reduce, new Describe()), 0, 1, backend)) {
            feed(h);
            return h.output();
        }
    }

    private static List<String> runAggregate(boolean mutating, String backend) throws Exception {
        try (OperatorHarness<Counter, String> h = OperatorHarness.of(s -> s.keyBy(c -> c.key)
                .window(SlidingEventTimeWindows.of(Duration.ofMillis(30), Duration.ofMillis(10)))
                .aggregate(new Count(mutating), new DescribeLong()), 0, 1, backend)) {
            feed(h);
            return h.output();
        }
    }

    private static void feed(OperatorHarness<Counter, String> h) throws Exception {
        for (long t = 0; t < 60; t++) {
            h.processElement(new Counter("a", 1), t);
            h.processElement(new Counter("b", 1), t);
            if (t % 7 == 0) h.processWatermark(t - 1);
        }
        h.processWatermark(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"heap", "rocksdb"})
    void aMutatingReduceSeesNoStoredSlice(String backend) throws Exception {
        List<String> expected = runReduce(PURE, backend, 0);
        assertThat(expected).contains("a@10:30", "b@20:30");
        assertThat(runReduce(MUTATING, backend, 0)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"heap", "rocksdb"})
    void aMutatingReduceSeesNoStoredSliceWithLateness(String backend) throws Exception {
        assertThat(runReduce(MUTATING, backend, 15)).isEqualTo(runReduce(PURE, backend, 15));
    }

    @ParameterizedTest
    @ValueSource(strings = {"heap", "rocksdb"})
    void aMutatingAggregateMergeSeesNoStoredSlice(String backend) throws Exception {
        List<String> expected = runAggregate(false, backend);
        assertThat(expected).contains("a@10:30");
        assertThat(runAggregate(true, backend)).isEqualTo(expected);
    }
}
