package io.runnel.api.windowing;

import io.runnel.api.OutputTag;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.RichFunction;

/**
 * Evaluates a window of one key: sees every element (or the one pre-aggregated result) and the
 * window itself.
 */
public abstract class ProcessWindowFunction<IN, OUT, K, W extends Window> implements RichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void process(K key, Context ctx, Iterable<IN> elements, Collector<OUT> out) throws Exception;

    /** The window being evaluated and what else the function may use. */
    public abstract class Context {
        public abstract W window();

        public abstract long currentWatermark();

        public abstract long currentProcessingTime();

        public abstract <X> void output(OutputTag<X> tag, X value);
    }
}
