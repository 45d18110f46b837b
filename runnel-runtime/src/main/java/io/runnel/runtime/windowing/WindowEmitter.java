package io.runnel.runtime.windowing;

import io.runnel.api.OutputTag;
import io.runnel.api.windowing.ProcessWindowFunction;
import io.runnel.api.windowing.Window;
import io.runnel.runtime.operators.OperatorContext;
import io.runnel.runtime.operators.Output;
import io.runnel.runtime.operators.TimestampedCollector;

/** Emits a window's result: through the user's window function, or the folded values as they are. */
final class WindowEmitter {
    private final ProcessWindowFunction<Object, Object, Object, Window> function;
    private final Output<Object> output;
    private final TimestampedCollector<Object> collector;
    private final OperatorContext context;
    private Window window;
    private long watermark;
    private ProcessWindowFunction<Object, Object, Object, Window>.Context ctx;

    @SuppressWarnings("unchecked")
    WindowEmitter(ProcessWindowFunction<?, ?, ?, ?> function, Output<Object> output, OperatorContext context) {
        this.function = (ProcessWindowFunction<Object, Object, Object, Window>) function;
        this.output = output;
        this.context = context;
        this.collector = new TimestampedCollector<>(output);
        if (function != null) {
            ctx = this.function.new Context() {
                @Override
                public Window window() {
                    return window;
                }

                @Override
                public long currentWatermark() {
                    return watermark;
                }

                @Override
                public long currentProcessingTime() {
                    return context.clock().now();
                }

                @Override
                public <X> void output(OutputTag<X> tag, X value) {
                    output.collect(tag, value, window.maxTimestamp());
                }
            };
        }
    }

    void emit(Object key, Window w, long currentWatermark, Iterable<Object> values) throws Exception {
        long ts = w.maxTimestamp();
        if (function == null) {
            for (Object v : values) output.collect(v, ts);
            return;
        }
        window = w;
        watermark = currentWatermark;
        function.process(key, ctx, values, collector.at(ts));
    }
}
