package io.runnel.api;

import io.runnel.api.functions.BroadcastProcessFunction;
import io.runnel.api.functions.KeySelector;
import io.runnel.api.functions.KeyedBroadcastProcessFunction;
import io.runnel.api.graph.Specs;
import io.runnel.api.graph.TwoInputTransformation;
import io.runnel.api.state.MapStateDescriptor;
import java.util.List;

/**
 * A stream connected with a broadcast stream. With a keyed first stream the function may be a
 * {@link KeyedBroadcastProcessFunction} (keyed state and timers on the keyed side).
 */
public final class BroadcastConnectedStream<T, B> {
    private final StreamEnvironment env;
    private final DataStream<T> input;
    private final DataStream<B> broadcast;
    private final List<MapStateDescriptor<?, ?>> states;

    BroadcastConnectedStream(StreamEnvironment env, DataStream<T> input, DataStream<B> broadcast) {
        this(env, input, broadcast, List.of());
    }

    BroadcastConnectedStream(StreamEnvironment env, DataStream<T> input, DataStream<B> broadcast, List<MapStateDescriptor<?, ?>> states) {
        this.env = env;
        this.input = input;
        this.broadcast = broadcast;
        this.states = states;
    }

    public <R> DataStream<R> process(BroadcastProcessFunction<T, B, R> fn) {
        return new DataStream<>(env, new TwoInputTransformation(env.newId(), "broadcast-process", input.transformation,
                broadcast.transformation, new Specs.BroadcastProcess(fn, states), null, null));
    }

    /** Keyed state and timers per key of the first stream; the first stream must be a {@link KeyedStream}. */
    public <K, R> DataStream<R> process(KeyedBroadcastProcessFunction<K, T, B, R> fn) {
        if (!(input instanceof KeyedStream<T, ?> keyed)) {
            throw new IllegalArgumentException("a KeyedBroadcastProcessFunction needs a keyed stream: keyBy() before connect(broadcastStream)");
        }
        KeySelector<?, ?> key = keyed.keySelector();
        return new DataStream<>(env, new TwoInputTransformation(env.newId(), "keyed-broadcast-process", input.transformation,
                broadcast.transformation, new Specs.KeyedBroadcastProcess(fn, states), key, null));
    }
}
