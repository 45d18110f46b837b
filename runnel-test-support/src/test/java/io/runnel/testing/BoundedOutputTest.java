package io.runnel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.DataStream;
import io.runnel.api.StreamEnvironment;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.FlatMapFunction;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.functions.MapFunction;
import io.runnel.api.time.WatermarkStrategy;
import io.runnel.api.windowing.ProcessWindowFunction;
import io.runnel.api.windowing.TimeWindow;
import io.runnel.api.windowing.TumblingEventTimeWindows;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Output stays bounded when one input causes a flood of output: a watermark that fires a million
 * windows or timers at once, or a flatMap that emits a thousand records per record, into a slow
 * sink. Operators emit until the task's output is full, then stop and resume where they were,
 * so the records emitted but not yet taken by the sink stay near the channels' capacity.
 */
class BoundedOutputTest implements java.io.Serializable {
    private static final long KEYS = 400_000;
    private static final long MILLION = 1_000_000;
    /** Records emitted into the edge to the sink, and taken by the sink; the largest difference seen. */
    static final AtomicLong EMITTED = new AtomicLong();
    static final AtomicLong TAKEN = new AtomicLong();
    static final AtomicLong MAX_IN_FLIGHT = new AtomicLong();
    /** More than the channels hold (16 batches of 512 per channel) and far less than the flood. */
    private static final long BOUND = 100_000;

    static final class Emitted<T> implements MapFunction<T, T> {
        @Override
        public T map(T v) {
            EMITTED.incrementAndGet();
            return v;
        }
    }

    /** Takes a record, pausing a millisecond every 2,000, and notes how many were emitted but not yet taken. */
    static final class SlowTake<T> implements MapFunction<T, T> {
        @Override
        public T map(T v) throws Exception {
            long taken = TAKEN.incrementAndGet();
            MAX_IN_FLIGHT.accumulateAndGet(EMITTED.get() - taken, Math::max);
            if (taken % 2_000 == 0) Thread.sleep(1);
            return v;
        }
    }

    static final class CountWindow extends ProcessWindowFunction<Long, Long, Long, TimeWindow> {
        @Override
        public void process(Long key, Context ctx, Iterable<Long> elements, Collector<Long> out) {
            long n = 0;
            for (Long ignored : elements) n++;
            out.collect(n);
        }
    }

    /** One timer per key, all at the same time. */
    static final class TimerPerKey extends KeyedProcessFunction<Long, Long, Long> {
        @Override
        public void processElement(Long v, Context ctx, Collector<Long> out) {
            ctx.timerService().registerEventTimeTimer(5);
        }

        @Override
        public void onTimer(long ts, OnTimerContext ctx, Collector<Long> out) {
            out.collect(ctx.getCurrentKey());
        }
    }

    static final class Explode implements FlatMapFunction<Long, Long> {
        @Override
        public void flatMap(Long v, Collector<Long> out) {
            for (int i = 0; i < 1_000; i++) out.collect(v);
        }
    }

    private static DataStream<Long> keysAtTimeZero(StreamEnvironment env, long n) {
        return env.fromCollection(LongStream.range(0, n).boxed().toList())
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, t) -> 0L));
    }

    private static long run(StreamEnvironment env, DataStream<Long> flood, long expected) throws Exception {
        EMITTED.set(0);
        TAKEN.set(0);
        MAX_IN_FLIGHT.set(0);
        CollectSink<Long> sink = new CollectSink<>();
        flood.map(new Emitted<>()).rebalance().map(new SlowTake<>()).filter(v -> false).sinkTo(sink);
        env.execute("bounded-output");
        sink.clear();
        assertThat(TAKEN.get()).isEqualTo(expected);
        return MAX_IN_FLIGHT.get();
    }

    @Test
    void aWatermarkFiringAMillionWindowsStaysBounded() throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(1).setWorkerThreads(2);
        DataStream<Long> windows = keysAtTimeZero(env, MILLION).keyBy(v -> v)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10))).process(new CountWindow());
        assertThat(run(env, windows, MILLION)).isLessThan(BOUND);
    }

    @Test
    void incrementalWindowsFiringAtOnceStayBounded() throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(1).setWorkerThreads(2);
        DataStream<Long> windows = keysAtTimeZero(env, KEYS).keyBy(v -> v)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10))).reduce(Long::sum);
        assertThat(run(env, windows, KEYS)).isLessThan(BOUND);
    }

    @Test
    void timersOfEveryKeyFiringAtOnceStayBounded() throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(1).setWorkerThreads(2);
        DataStream<Long> timers = keysAtTimeZero(env, KEYS).keyBy(v -> v).process(new TimerPerKey());
        assertThat(run(env, timers, KEYS)).isLessThan(BOUND);
    }

    @Test
    void aFlatMapResumesBetweenRecords() throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(1).setWorkerThreads(2);
        DataStream<Long> exploded = keysAtTimeZero(env, 2_000).rebalance().flatMap(new Explode());
        assertThat(run(env, exploded, 2_000_000)).isLessThan(BOUND);
    }
}
