package io.runnel.api.functions;

import io.runnel.api.OutputTag;

/**
 * Processes a stream connected with a broadcast stream: every parallel instance sees every
 * broadcast element, and keeps what it needs in its fields (the same on every instance).
 */
public abstract class BroadcastProcessFunction<I, B, O> implements RichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    public abstract void processBroadcastElement(B value, Context ctx, Collector<O> out) throws Exception;

    /** What the function can see and do besides emitting. */
    public abstract static class Context {
        public abstract long timestamp();

        public abstract <X> void output(OutputTag<X> tag, X value);
    }
}
