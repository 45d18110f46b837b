package io.runnel.api.functions;

import io.runnel.api.OutputTag;

/**
 * A two-input process function over connected streams. When both inputs are keyed the same way,
 * state and timers are per key; {@link #onTimer} is then called for the current key.
 */
public abstract class CoProcessFunction<I1, I2, O> implements RichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement1(I1 value, Context ctx, Collector<O> out) throws Exception;

    public abstract void processElement2(I2 value, Context ctx, Collector<O> out) throws Exception;

    public void onTimer(long timestamp, Context ctx, Collector<O> out) throws Exception {}

    /** What a co-process function can see and do besides emitting. */
    public abstract static class Context {
        public abstract long timestamp();

        /** The current key on keyed connected streams, else null. */
        public abstract Object getCurrentKey();

        public abstract TimerService timerService();

        public abstract <X> void output(OutputTag<X> tag, X value);
    }
}
