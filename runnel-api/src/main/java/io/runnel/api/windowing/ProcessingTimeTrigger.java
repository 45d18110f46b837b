package io.runnel.api.windowing;

/** Fires when the processing-time clock passes the window's end. */
public final class ProcessingTimeTrigger extends Trigger<Object, Window> {
    private static final long serialVersionUID = 1L;

    private ProcessingTimeTrigger() {}

    @SuppressWarnings("unchecked")
    public static <T, W extends Window> Trigger<T, W> create() {
        return (Trigger<T, W>) (Trigger<?, ?>) new ProcessingTimeTrigger();
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, Window window, TriggerContext ctx) {
        ctx.registerProcessingTimeTimer(window.maxTimestamp());
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, Window window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, Window window, TriggerContext ctx) {
        return TriggerResult.FIRE;
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    @Override
    public void onMerge(Window window, TriggerContext ctx) {
        ctx.registerProcessingTimeTimer(window.maxTimestamp());
    }

    @Override
    public void clear(Window window, TriggerContext ctx) {
        ctx.deleteProcessingTimeTimer(window.maxTimestamp());
    }
}
