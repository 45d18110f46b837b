package io.runnel.runtime.operators;

import io.runnel.api.OutputTag;
import io.runnel.api.functions.BroadcastProcessFunction;
import io.runnel.api.state.BroadcastState;
import io.runnel.api.state.MapStateDescriptor;
import java.util.List;

/**
 * Runs a {@link BroadcastProcessFunction}: input 1 is the main stream, input 2 the broadcast one.
 * Declared broadcast states live in the operator state store, so they are checkpointed with it.
 */
public final class BroadcastProcessOperator<I, B, O> extends StreamOperator<O> implements TwoInputOperator<I, B> {
    private final BroadcastProcessFunction<I, B, O> fn;
    private final List<MapStateDescriptor<?, ?>> declared;
    private DeclaredBroadcastStates states;
    private TimestampedCollector<O> collector;
    private long timestamp;
    private boolean broadcastSide;
    private final BroadcastProcessFunction.Context ctx = new BroadcastProcessFunction.Context() {
        @Override
        public long timestamp() {
            return timestamp;
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
            output.collect(tag, value, timestamp);
        }

        @Override
        public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
            return states.get(descriptor, broadcastSide);
        }
    };

    public BroadcastProcessOperator(BroadcastProcessFunction<I, B, O> fn) {
        this(fn, List.of());
    }

    public BroadcastProcessOperator(BroadcastProcessFunction<I, B, O> fn, List<MapStateDescriptor<?, ?>> declared) {
        this.fn = fn;
        this.declared = declared;
    }

    @Override
    public void open() throws Exception {
        collector = new TimestampedCollector<>(output);
        states = new DeclaredBroadcastStates(context.name(), declared);
        if (!declared.isEmpty()) states.open(operatorStateStore());
        openFunction(fn);
    }

    @Override
    public void processElement1(I value, long ts) throws Exception {
        timestamp = ts;
        broadcastSide = false;
        fn.processElement(value, ctx, collector.at(ts));
    }

    @Override
    public void processElement2(B value, long ts) throws Exception {
        timestamp = ts;
        broadcastSide = true;
        try {
            fn.processBroadcastElement(value, ctx, collector.at(ts));
        } finally {
            broadcastSide = false;
        }
    }

    @Override
    public void close() throws Exception {
        closeFunction(fn);
    }
}
