package io.runnel.api.windowing;

/** Fires when the watermark passes the window's end; fires again for each late element within the allowed lateness. */
public final class EventTimeTrigger extends Trigger<Object, Window> {
    private static final long serialVersionUID = 1L;

    private EventTimeTrigger() {}

    @SuppressWarnings("unchecked")
    public static <T, W extends Window> Trigger<T, W> create() {
        return (Trigger<T, W>) (Trigger<?, ?>) new EventTimeTrigger();
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, Window window, TriggerContext ctx) {
        if (window.maxTimestamp() <= ctx.currentWatermark()) return TriggerResult.FIRE;
        ctx.registerEventTimeTimer(window.maxTimestamp());
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, Window window, TriggerContext ctx) {
        return time == window.maxTimestamp() ? TriggerResult.FIRE : TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, Window window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    @Override
    public void onMerge(Window window, TriggerContext ctx) {
        if (window.maxTimestamp() > ctx.currentWatermark()) ctx.registerEventTimeTimer(window.maxTimestamp());
    }

    @Override
    public void clear(Window window, TriggerContext ctx) {
        ctx.deleteEventTimeTimer(window.maxTimestamp());
    }
}
