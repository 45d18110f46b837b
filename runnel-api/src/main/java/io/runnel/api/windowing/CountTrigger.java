package io.runnel.api.windowing;

import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;

/** Fires every {@code count} elements of a window. */
public final class CountTrigger<W extends Window> extends Trigger<Object, W> {
    private static final long serialVersionUID = 1L;
    private final long count;
    private final ValueStateDescriptor<Long> seen = new ValueStateDescriptor<>("count-trigger", 0L);

    private CountTrigger(long count) {
        if (count <= 0) throw new IllegalArgumentException("count must be positive, got " + count);
        this.count = count;
    }

    public static <W extends Window> CountTrigger<W> of(long count) {
        return new CountTrigger<>(count);
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) {
        ValueState<Long> state = ctx.getState(seen);
        long n = state.value() + 1;
        if (n >= count) {
            state.clear();
            return TriggerResult.FIRE;
        }
        state.update(n);
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public void clear(W window, TriggerContext ctx) {
        ctx.getState(seen).clear();
    }
}
