package io.runnel.api.windowing;

/** Wraps a trigger so that every FIRE also purges the window's contents. */
public final class PurgingTrigger<T, W extends Window> extends Trigger<T, W> {
    private static final long serialVersionUID = 1L;
    private final Trigger<T, W> inner;

    private PurgingTrigger(Trigger<T, W> inner) {
        this.inner = inner;
    }

    public static <T, W extends Window> PurgingTrigger<T, W> of(Trigger<T, W> inner) {
        return new PurgingTrigger<>(inner);
    }

    private static TriggerResult purging(TriggerResult r) {
        return r.isFire() ? TriggerResult.FIRE_AND_PURGE : r;
    }

    @Override
    public TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception {
        return purging(inner.onElement(element, timestamp, window, ctx));
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception {
        return purging(inner.onEventTime(time, window, ctx));
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception {
        return purging(inner.onProcessingTime(time, window, ctx));
    }

    @Override
    public boolean canMerge() {
        return inner.canMerge();
    }

    @Override
    public void onMerge(W window, TriggerContext ctx) throws Exception {
        inner.onMerge(window, ctx);
    }

    @Override
    public void clear(W window, TriggerContext ctx) throws Exception {
        inner.clear(window, ctx);
    }
}
