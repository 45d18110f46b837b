package io.runnel.api.functions;

import io.runnel.api.OutputTag;

/** A process function on a keyed stream: keyed state (through open's context) and timers per key. */
public abstract class KeyedProcessFunction<K, I, O> implements RichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    /** Called when a timer of the current key fires. */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {}

    /** What a keyed process function can see and do besides emitting. */
    public abstract class Context {
        public abstract long timestamp();

        public abstract K getCurrentKey();

        public abstract TimerService timerService();

        public abstract <X> void output(OutputTag<X> tag, X value);
    }

    /** The context of a firing timer. */
    public abstract class OnTimerContext extends Context {
        public abstract TimeDomain timeDomain();
    }
}
