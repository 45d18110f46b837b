package io.runnel.api;

import io.runnel.api.functions.CoProcessFunction;
import io.runnel.api.functions.KeySelector;
import io.runnel.api.graph.Specs;
import io.runnel.api.graph.TwoInputTransformation;

/** Two streams processed together by one two-input function. Keyed when both inputs are. */
public final class ConnectedStreams<A, B> {
    private final StreamEnvironment env;
    private final DataStream<A> first;
    private final DataStream<B> second;

    ConnectedStreams(StreamEnvironment env, DataStream<A> first, DataStream<B> second) {
        this.env = env;
        this.first = first;
        this.second = second;
    }

    public <K> ConnectedStreams<A, B> keyBy(KeySelector<A, K> key1, KeySelector<B, K> key2) {
        return new ConnectedStreams<>(env, first.keyBy(key1), second.keyBy(key2));
    }

    public <R> DataStream<R> process(CoProcessFunction<A, B, R> fn) {
        KeySelector<?, ?> k1 = first instanceof KeyedStream<A, ?> k ? k.keySelector() : null;
        KeySelector<?, ?> k2 = second instanceof KeyedStream<B, ?> k ? k.keySelector() : null;
        if ((k1 == null) != (k2 == null)) {
            throw new IllegalArgumentException("connect: either both inputs are keyed or neither is");
        }
        return new DataStream<>(env, new TwoInputTransformation(env.newId(), "co-process", first.transformation,
                second.transformation, new Specs.CoProcess(fn), k1, k2));
    }
}
