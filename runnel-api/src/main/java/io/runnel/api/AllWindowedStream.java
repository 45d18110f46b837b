package io.runnel.api;

import io.runnel.api.functions.AggregateFunction;
import io.runnel.api.functions.ReduceFunction;
import io.runnel.api.internal.AllWindowFunctionAdapter;
import io.runnel.api.windowing.Evictor;
import io.runnel.api.windowing.ProcessAllWindowFunction;
import io.runnel.api.windowing.Trigger;
import io.runnel.api.windowing.Window;
import java.time.Duration;

/** Windows over a whole (non-keyed) stream; the window operator runs with parallelism 1. */
public final class AllWindowedStream<T, W extends Window> {
    private final WindowedStream<T, Byte, W> windowed;

    AllWindowedStream(WindowedStream<T, Byte, W> windowed) {
        this.windowed = windowed;
        windowed.parallelismOne = true;
    }

    public AllWindowedStream<T, W> trigger(Trigger<? super T, ? super W> trigger) {
        windowed.trigger(trigger);
        return this;
    }

    public AllWindowedStream<T, W> evictor(Evictor<T, W> evictor) {
        windowed.evictor(evictor);
        return this;
    }

    public AllWindowedStream<T, W> allowedLateness(Duration lateness) {
        windowed.allowedLateness(lateness);
        return this;
    }

    public AllWindowedStream<T, W> sideOutputLateData(OutputTag<T> tag) {
        windowed.sideOutputLateData(tag);
        return this;
    }

    public DataStream<T> reduce(ReduceFunction<T> fn) {
        return windowed.reduce(fn);
    }

    public <A, R> DataStream<R> aggregate(AggregateFunction<T, A, R> fn) {
        return windowed.aggregate(fn);
    }

    public <A, V, R> DataStream<R> aggregate(AggregateFunction<T, A, V> fn, ProcessAllWindowFunction<V, R, W> function) {
        return windowed.aggregate(fn, new AllWindowFunctionAdapter<>(function));
    }

    public <R> DataStream<R> process(ProcessAllWindowFunction<T, R, W> function) {
        return windowed.process(new AllWindowFunctionAdapter<>(function));
    }
}
