package io.runnel.api.windowing;

/** Never fires: the default of global windows, which need a trigger of their own. */
public final class NeverTrigger extends Trigger<Object, Window> {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("unchecked")
    public static <T, W extends Window> Trigger<T, W> create() {
        return (Trigger<T, W>) (Trigger<?, ?>) new NeverTrigger();
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, Window window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, Window window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, Window window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }
}
