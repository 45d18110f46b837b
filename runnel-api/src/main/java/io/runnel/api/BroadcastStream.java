package io.runnel.api;

import io.runnel.api.state.MapStateDescriptor;
import java.util.List;

/**
 * A stream sent whole to every parallel instance of the operator it is connected to, with the
 * broadcast states that operator keeps (one map per descriptor). Made by
 * {@link DataStream#broadcast(MapStateDescriptor[])}; connect it with
 * {@link DataStream#connect(BroadcastStream)} or {@link KeyedStream#connect(BroadcastStream)}.
 */
public final class BroadcastStream<T> {
    private final DataStream<T> stream;
    private final List<MapStateDescriptor<?, ?>> descriptors;

    BroadcastStream(DataStream<T> stream, List<MapStateDescriptor<?, ?>> descriptors) {
        this.stream = stream;
        this.descriptors = List.copyOf(descriptors);
    }

    /** The broadcast-partitioned stream. */
    DataStream<T> stream() {
        return stream;
    }

    public List<MapStateDescriptor<?, ?>> descriptors() {
        return descriptors;
    }
}
