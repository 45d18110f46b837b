package io.runnel.api;

import io.runnel.api.functions.KeySelector;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.functions.ProcessJoinFunction;
import io.runnel.api.functions.ReduceFunction;
import io.runnel.api.graph.Specs;
import io.runnel.api.graph.Transformation;
import io.runnel.api.graph.TwoInputTransformation;
import io.runnel.api.windowing.CountEvictor;
import io.runnel.api.windowing.CountTrigger;
import io.runnel.api.windowing.GlobalWindow;
import io.runnel.api.windowing.GlobalWindows;
import io.runnel.api.windowing.PurgingTrigger;
import io.runnel.api.windowing.Window;
import io.runnel.api.windowing.WindowAssigner;
import java.time.Duration;

/** A stream partitioned by key: operators on it get keyed state and timers per key. */
public final class KeyedStream<T, K> extends DataStream<T> {
    private final KeySelector<T, K> key;

    KeyedStream(StreamEnvironment env, Transformation partition, KeySelector<T, K> key) {
        super(env, partition);
        this.key = key;
    }

    public KeySelector<T, K> keySelector() {
        return key;
    }

    public <R> DataStream<R> process(KeyedProcessFunction<K, T, R> fn) {
        return oneInput("keyed-process", new Specs.KeyedProcess(fn), key);
    }

    /** A running reduce: emits the key's updated value for every record. */
    public DataStream<T> reduce(ReduceFunction<T> fn) {
        return oneInput("reduce", new Specs.KeyedReduce(fn), key);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public <W extends Window> WindowedStream<T, K, W> window(WindowAssigner<? super T, W> assigner) {
        return new WindowedStream<>(this, (WindowAssigner) assigner);
    }

    /** Tumbling windows of {@code size} elements per key. */
    public WindowedStream<T, K, GlobalWindow> countWindow(long size) {
        return window(GlobalWindows.create()).trigger(PurgingTrigger.of(CountTrigger.of(size)));
    }

    /** Windows of the last {@code size} elements per key, evaluated every {@code slide} elements. */
    public WindowedStream<T, K, GlobalWindow> countWindow(long size, long slide) {
        return window(GlobalWindows.create()).evictor(CountEvictor.of((int) size)).trigger(CountTrigger.of(slide));
    }

    /** Connects with another keyed stream: a two-input operator sees both with per-key state. */
    public <R> ConnectedStreams<T, R> connect(KeyedStream<R, K> other) {
        return new ConnectedStreams<>(env, this, other);
    }

    /** An interval join with another keyed stream. */
    public <R> IntervalJoin<R> intervalJoin(KeyedStream<R, K> other) {
        return new IntervalJoin<>(other);
    }

    /** Builder of an interval join: {@code between(lower, upper)} then {@code process}. */
    public final class IntervalJoin<R> {
        private final KeyedStream<R, K> right;
        private long lower;
        private long upper;

        IntervalJoin(KeyedStream<R, K> right) {
            this.right = right;
        }

        /** A right element at tr joins a left element at tl when tl + lower <= tr <= tl + upper. */
        public IntervalJoin<R> between(Duration lower, Duration upper) {
            this.lower = lower.toMillis();
            this.upper = upper.toMillis();
            if (this.lower > this.upper) throw new IllegalArgumentException("interval join: lower bound " + lower + " is above upper bound " + upper);
            return this;
        }

        public <O> DataStream<O> process(ProcessJoinFunction<T, R, O> fn) {
            return new DataStream<>(env, new TwoInputTransformation(env.newId(), "interval-join", transformation, right.transformation,
                    new Specs.IntervalJoin(lower, upper, fn), key, right.keySelector()));
        }
    }
}
