package io.runnel.api.functions;

import io.runnel.api.OutputTag;
import io.runnel.api.state.BroadcastState;
import io.runnel.api.state.MapStateDescriptor;

/**
 * Processes a stream connected with a broadcast stream: every parallel instance sees every
 * broadcast element. What it keeps from them goes in broadcast state
 * ({@link Context#getBroadcastState}), checkpointed and restored; plain fields are lost on
 * failure.
 */
public abstract class BroadcastProcessFunction<I, B, O> implements RichFunction {
    private static final long serialVersionUID = 1L;

    /** {@code ctx}'s broadcast state is read-only here: writes throw. */
    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    public abstract void processBroadcastElement(B value, Context ctx, Collector<O> out) throws Exception;

    /** What the function can see and do besides emitting. */
    public abstract static class Context {
        public abstract long timestamp();

        public abstract <X> void output(OutputTag<X> tag, X value);

        /**
         * The broadcast state {@code descriptor} names, which must have been declared in
         * {@code broadcast(descriptor...)}. Writable in processBroadcastElement; in processElement
         * the same state is read-only (writes throw), so every instance keeps the same copy.
         */
        public abstract <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor);
    }
}
