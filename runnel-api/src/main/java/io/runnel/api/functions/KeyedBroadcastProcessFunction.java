package io.runnel.api.functions;

import io.runnel.api.OutputTag;
import io.runnel.api.state.AggregatingState;
import io.runnel.api.state.AggregatingStateDescriptor;
import io.runnel.api.state.BroadcastState;
import io.runnel.api.state.ListState;
import io.runnel.api.state.ListStateDescriptor;
import io.runnel.api.state.MapState;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.api.state.ReadOnlyBroadcastState;
import io.runnel.api.state.ReducingState;
import io.runnel.api.state.ReducingStateDescriptor;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;

/**
 * Processes a keyed stream connected with a broadcast stream
 * ({@code keyedStream.connect(stream.broadcast(descriptor))}): the keyed side has keyed state
 * (through open's context) and timers per key and reads broadcast state; the broadcast side
 * writes broadcast state and may visit every key's state with
 * {@link Context#applyToKeyedState}.
 */
public abstract class KeyedBroadcastProcessFunction<K, I, B, O> implements RichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement(I value, ReadOnlyContext ctx, Collector<O> out) throws Exception;

    public abstract void processBroadcastElement(B value, Context ctx, Collector<O> out) throws Exception;

    /** Called when a timer of the current key fires. */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {}

    /** The keyed side's context: the current key, timers, and broadcast state to read. */
    public abstract class ReadOnlyContext {
        public abstract long timestamp();

        public abstract K getCurrentKey();

        public abstract TimerService timerService();

        public abstract <X> void output(OutputTag<X> tag, X value);

        public abstract <MK, MV> ReadOnlyBroadcastState<MK, MV> getBroadcastState(MapStateDescriptor<MK, MV> descriptor);
    }

    /** The context of a firing timer. */
    public abstract class OnTimerContext extends ReadOnlyContext {
        public abstract TimeDomain timeDomain();
    }

    /** The broadcast side's context: broadcast state to write, and every key's keyed state. */
    public abstract class Context {
        public abstract long timestamp();

        public abstract <X> void output(OutputTag<X> tag, X value);

        public abstract <MK, MV> BroadcastState<MK, MV> getBroadcastState(MapStateDescriptor<MK, MV> descriptor);

        /**
         * Calls {@code fn} with each key of this instance that has a value in the named keyed
         * state, and that key's state. The instance's keys are those it has seen on its keyed
         * input (kept with its checkpoints).
         */
        public final <T> void applyToKeyedState(ValueStateDescriptor<T> descriptor, KeyedStateFunction<K, ValueState<T>> fn) throws Exception {
            applyToKeyedState(descriptor.name(), ctx -> ctx.getState(descriptor), s -> s.value() != null, fn);
        }

        public final <T> void applyToKeyedState(ListStateDescriptor<T> descriptor, KeyedStateFunction<K, ListState<T>> fn) throws Exception {
            applyToKeyedState(descriptor.name(), ctx -> ctx.getListState(descriptor), s -> s.get().iterator().hasNext(), fn);
        }

        public final <MK, MV> void applyToKeyedState(MapStateDescriptor<MK, MV> descriptor, KeyedStateFunction<K, MapState<MK, MV>> fn)
                throws Exception {
            applyToKeyedState(descriptor.name(), ctx -> ctx.getMapState(descriptor), s -> !s.isEmpty(), fn);
        }

        public final <T> void applyToKeyedState(ReducingStateDescriptor<T> descriptor, KeyedStateFunction<K, ReducingState<T>> fn) throws Exception {
            applyToKeyedState(descriptor.name(), ctx -> ctx.getReducingState(descriptor), s -> s.get() != null, fn);
        }

        public final <IN, ACC, OUT> void applyToKeyedState(AggregatingStateDescriptor<IN, ACC, OUT> descriptor,
                                                           KeyedStateFunction<K, AggregatingState<IN, OUT>> fn) throws Exception {
            applyToKeyedState(descriptor.name(), ctx -> ctx.getAggregatingState(descriptor), s -> s.get() != null, fn);
        }

        /**
         * Visits each key: sets it current, gets the state through {@code open}, and calls
         * {@code fn} when {@code present} says the key has a value. Implemented by the runtime.
         */
        protected abstract <S> void applyToKeyedState(String stateName, java.util.function.Function<RuntimeContext, S> open,
                                                      java.util.function.Predicate<S> present, KeyedStateFunction<K, S> fn) throws Exception;
    }
}
