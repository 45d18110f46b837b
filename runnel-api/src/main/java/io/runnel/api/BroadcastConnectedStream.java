package io.runnel.api;

import io.runnel.api.functions.BroadcastProcessFunction;
import io.runnel.api.graph.Specs;
import io.runnel.api.graph.TwoInputTransformation;

/** A stream connected with a broadcast stream. */
public final class BroadcastConnectedStream<T, B> {
    private final StreamEnvironment env;
    private final DataStream<T> input;
    private final DataStream<B> broadcast;

    BroadcastConnectedStream(StreamEnvironment env, DataStream<T> input, DataStream<B> broadcast) {
        this.env = env;
        this.input = input;
        this.broadcast = broadcast;
    }

    public <R> DataStream<R> process(BroadcastProcessFunction<T, B, R> fn) {
        return new DataStream<>(env, new TwoInputTransformation(env.newId(), "broadcast-process", input.transformation,
                broadcast.transformation, new Specs.BroadcastProcess(fn), null, null));
    }
}
