package io.runnel.runtime.operators;

import io.runnel.api.OutputTag;
import io.runnel.api.functions.CoProcessFunction;
import io.runnel.api.functions.KeySelector;
import io.runnel.api.functions.TimerService;
import io.runnel.runtime.state.TimerEntry;

/**
 * Runs a {@link CoProcessFunction}. On keyed connected streams each input's key selector sets the
 * current key, so both inputs share state and timers per key.
 */
public final class CoProcessOperator<A, B, O> extends KeyedOperator<O> implements TwoInputOperator<A, B> {
    private final CoProcessFunction<A, B, O> fn;
    private final KeySelector<A, ?> key1;
    private final KeySelector<B, ?> key2;
    private TimestampedCollector<O> collector;
    private long timestamp;
    private TimerService timers;
    private CoProcessFunction.Context ctx;

    public CoProcessOperator(CoProcessFunction<A, B, O> fn, KeySelector<A, ?> key1, KeySelector<B, ?> key2) {
        this.fn = fn;
        this.key1 = key1;
        this.key2 = key2;
    }

    @Override
    public void setup(OperatorContext context, Output<O> output) {
        if (key1 != null) {
            super.setup(context, output);
        } else {
            this.context = context;
            this.output = output;
        }
    }

    @Override
    public void open() throws Exception {
        collector = new TimestampedCollector<>(output);
        timers = key1 != null ? timerService(NO_NAMESPACE) : NonKeyedTimerService.of(context, () -> currentWatermark);
        ctx = new CoProcessFunction.Context() {
            @Override
            public long timestamp() {
                return timestamp;
            }

            @Override
            public Object getCurrentKey() {
                return keys == null ? null : keys.currentKey();
            }

            @Override
            public TimerService timerService() {
                return timers;
            }

            @Override
            public <X> void output(OutputTag<X> tag, X value) {
                output.collect(tag, value, timestamp);
            }
        };
        openFunction(fn);
    }

    @Override
    public void processElement1(A value, long ts) throws Exception {
        if (key1 != null) setKeyOf(key1, value);
        timestamp = ts;
        fn.processElement1(value, ctx, collector.at(ts));
    }

    @Override
    public void processElement2(B value, long ts) throws Exception {
        if (key2 != null) setKeyOf(key2, value);
        timestamp = ts;
        fn.processElement2(value, ctx, collector.at(ts));
    }

    @Override
    public boolean hasPendingWork() {
        return keys != null && super.hasPendingWork();
    }

    @Override
    public void resumeWork() throws Exception {
        if (keys != null) super.resumeWork();
    }

    @Override
    public void processWatermark(long watermark) throws Exception {
        if (keys != null) {
            super.processWatermark(watermark);
        } else {
            currentWatermark = watermark;
            output.emitWatermark(watermark);
        }
    }

    @Override
    public boolean advanceProcessingTime(long now) throws Exception {
        return keys != null && super.advanceProcessingTime(now);
    }

    @Override
    protected void onEventTime(TimerEntry timer) throws Exception {
        timestamp = timer.time();
        fn.onTimer(timer.time(), ctx, collector.at(timer.time()));
    }

    @Override
    protected void onProcessingTime(TimerEntry timer) throws Exception {
        timestamp = Long.MIN_VALUE;
        fn.onTimer(timer.time(), ctx, collector.at(Long.MIN_VALUE));
    }

    @Override
    public void close() throws Exception {
        closeFunction(fn);
    }
}
