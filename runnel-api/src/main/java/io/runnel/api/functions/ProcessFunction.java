package io.runnel.api.functions;

import io.runnel.api.OutputTag;

/**
 * The lowest-level one-input function: sees each record with its timestamp, may emit to the
 * main output and to side outputs. On a keyed stream use {@link KeyedProcessFunction} for
 * timers and state.
 */
public abstract class ProcessFunction<I, O> implements RichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    /** What a process function can see and do besides emitting. */
    public abstract static class Context {
        /** The record's timestamp, or {@link Long#MIN_VALUE} if it has none. */
        public abstract long timestamp();

        public abstract TimerService timerService();

        public abstract <X> void output(OutputTag<X> tag, X value);
    }
}
