package io.runnel.api.windowing;

import io.runnel.api.OutputTag;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.RichFunction;

/** Evaluates a window of a non-keyed stream (windowAll). */
public abstract class ProcessAllWindowFunction<IN, OUT, W extends Window> implements RichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void process(Context ctx, Iterable<IN> elements, Collector<OUT> out) throws Exception;

    /** The window being evaluated. */
    public abstract class Context {
        public abstract W window();

        public abstract <X> void output(OutputTag<X> tag, X value);
    }
}
