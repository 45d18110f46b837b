package io.runnel.sql.exec.join;

import io.runnel.api.DataStream;
import io.runnel.api.OutputTag;
import io.runnel.api.StreamEnvironment;
import io.runnel.api.functions.CoProcessFunction;
import io.runnel.api.functions.KeySelector;
import io.runnel.api.graph.Transformation;
import io.runnel.runtime.execution.OperatorFactory;
import io.runnel.runtime.operators.KeyedOperator;
import io.runnel.runtime.operators.OperatorContext;
import io.runnel.runtime.operators.Output;
import io.runnel.runtime.operators.StreamOperator;
import io.runnel.runtime.operators.TwoInputOperator;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives one keyed two-input process function by hand on a heap backend, without threads (the shared
 * OperatorHarness drives one-input chains only): feed either input and watermarks, read what it emitted, the
 * watermarks it forwarded, its pending timers and its keyed state.
 */
final class CoProcessHarness<A, B, O> {
    private final StreamOperator<O> operator;
    private final List<O> output = new ArrayList<>();
    private final List<Long> watermarks = new ArrayList<>();

    @SuppressWarnings("unchecked")
    CoProcessHarness(CoProcessFunction<A, B, O> fn, KeySelector<A, ?> key1, KeySelector<B, ?> key2) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(1);
        DataStream<A> first = env.fromCollection(List.of());
        DataStream<B> second = env.fromCollection(List.of());
        Transformation t = first.connect(second).keyBy((KeySelector<A, Object>) key1, (KeySelector<B, Object>) key2).process(fn)
                .transformation();
        operator = (StreamOperator<O>) OperatorFactory.create(t, false);
        operator.setup(new OperatorContext("harness", 0, 1, StreamEnvironment.DEFAULT_MAX_PARALLELISM, () -> 0L, true), new Output<>() {
            @Override
            public void collect(O record, long timestamp) {
                output.add(record);
            }

            @Override
            public <X> void collect(OutputTag<X> tag, X record, long timestamp) {}

            @Override
            public void emitWatermark(long watermark) {
                watermarks.add(watermark);
            }

            @Override
            public void emitIdle(boolean idle) {}
        });
        operator.open();
    }

    @SuppressWarnings("unchecked")
    void left(A value, long timestamp) throws Exception {
        ((TwoInputOperator<A, B>) operator).processElement1(value, timestamp);
    }

    @SuppressWarnings("unchecked")
    void right(B value, long timestamp) throws Exception {
        ((TwoInputOperator<A, B>) operator).processElement2(value, timestamp);
    }

    void watermark(long watermark) throws Exception {
        operator.processWatermark(watermark);
    }

    /** What it emitted so far, then forgets it. */
    List<O> takeOutput() {
        List<O> out = new ArrayList<>(output);
        output.clear();
        return out;
    }

    List<Long> watermarks() {
        return watermarks;
    }

    int pendingEventTimers() {
        return ((KeyedOperator<O>) operator).eventTimers().size();
    }

    /** How many keys hold a value in the named keyed state. */
    long stateSize(String name) {
        return operator.context().state().keyCount(name);
    }
}
