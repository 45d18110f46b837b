package io.runnel.runtime.operators;

import io.runnel.api.OutputTag;
import io.runnel.api.functions.KeySelector;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.functions.TimeDomain;
import io.runnel.api.functions.TimerService;
import io.runnel.runtime.state.TimerEntry;

/** Runs a {@link KeyedProcessFunction}: keyed state, timers, side outputs. */
public final class KeyedProcessOperator<K, I, O> extends KeyedOperator<O> implements OneInputOperator<I> {
    private final KeyedProcessFunction<K, I, O> fn;
    private final KeySelector<I, K> keySelector;
    private TimestampedCollector<O> collector;
    private TimerService timers;
    private long timestamp;
    private TimeDomain domain;
    private KeyedProcessFunction<K, I, O>.OnTimerContext ctx;

    public KeyedProcessOperator(KeyedProcessFunction<K, I, O> fn, KeySelector<I, K> keySelector) {
        this.fn = fn;
        this.keySelector = keySelector;
    }

    @Override
    public void open() throws Exception {
        collector = new TimestampedCollector<>(output);
        timers = timerService(NO_NAMESPACE);
        ctx = fn.new OnTimerContext() {
            @Override
            public long timestamp() {
                return timestamp;
            }

            @Override
            @SuppressWarnings("unchecked")
            public K getCurrentKey() {
                return (K) keys.currentKey();
            }

            @Override
            public TimerService timerService() {
                return timers;
            }

            @Override
            public <X> void output(OutputTag<X> tag, X value) {
                output.collect(tag, value, timestamp);
            }

            @Override
            public TimeDomain timeDomain() {
                return domain;
            }
        };
        openFunction(fn);
    }

    @Override
    public void processElement(I value, long ts) throws Exception {
        setKeyOf(keySelector, value);
        timestamp = ts;
        fn.processElement(value, ctx, collector.at(ts));
    }

    @Override
    protected void onEventTime(TimerEntry timer) throws Exception {
        timestamp = timer.time();
        domain = TimeDomain.EVENT_TIME;
        fn.onTimer(timer.time(), ctx, collector.at(timer.time()));
    }

    @Override
    protected void onProcessingTime(TimerEntry timer) throws Exception {
        timestamp = Long.MIN_VALUE;
        domain = TimeDomain.PROCESSING_TIME;
        fn.onTimer(timer.time(), ctx, collector.at(Long.MIN_VALUE));
    }

    @Override
    public void close() throws Exception {
        closeFunction(fn);
    }
}
