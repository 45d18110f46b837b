package io.runnel.api;

import io.runnel.api.functions.AggregateFunction;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.ReduceFunction;
import io.runnel.api.graph.OneInputTransformation;
import io.runnel.api.graph.Specs;
import io.runnel.api.windowing.Evictor;
import io.runnel.api.windowing.ProcessWindowFunction;
import io.runnel.api.windowing.Trigger;
import io.runnel.api.windowing.Window;
import io.runnel.api.windowing.WindowAssigner;
import io.runnel.api.windowing.WindowFunction;
import java.time.Duration;

/** A keyed stream cut into windows; ends with reduce, aggregate, process or apply. */
public final class WindowedStream<T, K, W extends Window> {
    private final KeyedStream<T, K> input;
    private final WindowAssigner<T, W> assigner;
    private Trigger<? super T, ? super W> trigger;
    private Evictor<T, W> evictor;
    private long allowedLateness;
    private OutputTag<T> lateTag;
    boolean parallelismOne;

    WindowedStream(KeyedStream<T, K> input, WindowAssigner<T, W> assigner) {
        this.input = input;
        this.assigner = assigner;
        this.trigger = assigner.defaultTrigger();
    }

    public WindowedStream<T, K, W> trigger(Trigger<? super T, ? super W> trigger) {
        if (assigner.isMerging() && !trigger.canMerge()) {
            throw new IllegalArgumentException("trigger " + trigger.getClass().getSimpleName() + " cannot be used with merging (session) windows");
        }
        this.trigger = trigger;
        return this;
    }

    public WindowedStream<T, K, W> evictor(Evictor<T, W> evictor) {
        this.evictor = evictor;
        return this;
    }

    /** Keeps event-time windows this long past their end; late elements within it fire them again. */
    public WindowedStream<T, K, W> allowedLateness(Duration lateness) {
        if (lateness.isNegative()) throw new IllegalArgumentException("allowed lateness must not be negative: " + lateness);
        this.allowedLateness = lateness.toMillis();
        return this;
    }

    /** Elements too late for every window go to this side output instead of being dropped. */
    public WindowedStream<T, K, W> sideOutputLateData(OutputTag<T> tag) {
        this.lateTag = tag;
        return this;
    }

    public DataStream<T> reduce(ReduceFunction<T> fn) {
        return build("window-reduce", fn, null, null);
    }

    public <R> DataStream<R> reduce(ReduceFunction<T> fn, ProcessWindowFunction<T, R, K, W> function) {
        return build("window-reduce", fn, null, function);
    }

    public <A, R> DataStream<R> aggregate(AggregateFunction<T, A, R> fn) {
        return build("window-aggregate", null, fn, null);
    }

    public <A, V, R> DataStream<R> aggregate(AggregateFunction<T, A, V> fn, ProcessWindowFunction<V, R, K, W> function) {
        return build("window-aggregate", null, fn, function);
    }

    public <R> DataStream<R> process(ProcessWindowFunction<T, R, K, W> function) {
        return build("window-process", null, null, function);
    }

    public <R> DataStream<R> apply(WindowFunction<T, R, K, W> function) {
        return process(new ProcessWindowFunction<T, R, K, W>() {
            private static final long serialVersionUID = 1L;

            @Override
            public void process(K key, Context ctx, Iterable<T> elements, Collector<R> out) throws Exception {
                function.apply(key, ctx.window(), elements, out);
            }
        });
    }

    private <R> DataStream<R> build(String name, ReduceFunction<?> reduce, AggregateFunction<?, ?, ?> aggregate,
                                    ProcessWindowFunction<?, ?, ?, ?> function) {
        Specs.Window spec = new Specs.Window(assigner, trigger, evictor, allowedLateness, lateTag, reduce, aggregate, function);
        return new DataStream<>(input.env, new OneInputTransformation(input.env.newId(), name, input.transformation, spec,
                input.keySelector(), parallelismOne));
    }
}
