package io.runnel.runtime.operators;

import io.runnel.api.OutputTag;
import io.runnel.api.functions.BroadcastProcessFunction;

/** Runs a {@link BroadcastProcessFunction}: input 1 is the main stream, input 2 the broadcast one. */
public final class BroadcastProcessOperator<I, B, O> extends StreamOperator<O> implements TwoInputOperator<I, B> {
    private final BroadcastProcessFunction<I, B, O> fn;
    private TimestampedCollector<O> collector;
    private long timestamp;
    private final BroadcastProcessFunction.Context ctx = new BroadcastProcessFunction.Context() {
        @Override
        public long timestamp() {
            return timestamp;
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
            output.collect(tag, value, timestamp);
        }
    };

    public BroadcastProcessOperator(BroadcastProcessFunction<I, B, O> fn) {
        this.fn = fn;
    }

    @Override
    public void open() throws Exception {
        collector = new TimestampedCollector<>(output);
        openFunction(fn);
    }

    @Override
    public void processElement1(I value, long ts) throws Exception {
        timestamp = ts;
        fn.processElement(value, ctx, collector.at(ts));
    }

    @Override
    public void processElement2(B value, long ts) throws Exception {
        timestamp = ts;
        fn.processBroadcastElement(value, ctx, collector.at(ts));
    }

    @Override
    public void close() throws Exception {
        closeFunction(fn);
    }
}
