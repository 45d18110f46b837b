package io.runnel.runtime.operators;

import io.runnel.api.OutputTag;
import io.runnel.api.functions.ProcessFunction;
import io.runnel.api.functions.TimerService;

/** Runs a non-keyed {@link ProcessFunction}; timers need a keyed stream. */
public final class ProcessOperator<I, O> extends StreamOperator<O> implements OneInputOperator<I> {
    private final ProcessFunction<I, O> fn;
    private TimestampedCollector<O> collector;
    private long timestamp;
    private final ProcessFunction.Context ctx = new ProcessFunction.Context() {
        @Override
        public long timestamp() {
            return timestamp;
        }

        @Override
        public TimerService timerService() {
            return NonKeyedTimerService.of(context, () -> currentWatermark);
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
            output.collect(tag, value, timestamp);
        }
    };

    public ProcessOperator(ProcessFunction<I, O> fn) {
        this.fn = fn;
    }

    @Override
    public void open() throws Exception {
        collector = new TimestampedCollector<>(output);
        openFunction(fn);
    }

    @Override
    public void processElement(I value, long ts) throws Exception {
        timestamp = ts;
        fn.processElement(value, ctx, collector.at(ts));
    }

    @Override
    public void close() throws Exception {
        closeFunction(fn);
    }
}
