package io.runnel.runtime.operators;

import io.runnel.api.OutputTag;
import java.util.List;
import java.util.Map;

/**
 * An operator's output when it feeds several targets (chained operators and channel writers)
 * or has side outputs: main records go to every main target, side records to the targets of
 * their tag, watermarks and idle status to all.
 */
public final class OutputRouter<T> implements Output<T> {
    private final Output<T>[] main;
    private final Map<OutputTag<?>, Output<Object>[]> sides;
    private final Output<?>[] all;

    @SuppressWarnings("unchecked")
    public OutputRouter(List<Output<T>> main, Map<OutputTag<?>, List<Output<Object>>> sides, List<Output<?>> all) {
        this.main = main.toArray(new Output[0]);
        this.sides = new java.util.HashMap<>();
        sides.forEach((tag, outs) -> this.sides.put(tag, outs.toArray(new Output[0])));
        this.all = all.toArray(new Output[0]);
    }

    @Override
    public void collect(T record, long timestamp) {
        for (Output<T> o : main) o.collect(record, timestamp);
    }

    @Override
    public <X> void collect(OutputTag<X> tag, X record, long timestamp) {
        Output<Object>[] targets = sides.get(tag);
        if (targets == null) return;
        for (Output<Object> o : targets) o.collect(record, timestamp);
    }

    @Override
    public void emitWatermark(long watermark) {
        for (Output<?> o : all) o.emitWatermark(watermark);
    }

    @Override
    public void emitIdle(boolean idle) {
        for (Output<?> o : all) o.emitIdle(idle);
    }
}
