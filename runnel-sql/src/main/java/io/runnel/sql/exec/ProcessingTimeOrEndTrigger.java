package io.runnel.sql.exec;

import io.runnel.api.windowing.Trigger;
import io.runnel.api.windowing.TriggerResult;
import io.runnel.api.windowing.Window;

/**
 * A processing-time window's trigger for SQL: fires when the clock passes the window's end, as
 * Flink's, and also at the end of a bounded input (the final watermark), so the windows still open
 * when the input ends are emitted rather than dropped with the job.
 */
public final class ProcessingTimeOrEndTrigger extends Trigger<Object, Window> {
    private static final long serialVersionUID = 1L;
    private static final long END = Long.MAX_VALUE;

    @Override
    public TriggerResult onElement(Object element, long timestamp, Window window, TriggerContext ctx) {
        ctx.registerProcessingTimeTimer(window.maxTimestamp());
        ctx.registerEventTimeTimer(END);
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, Window window, TriggerContext ctx) {
        return time == END ? TriggerResult.FIRE_AND_PURGE : TriggerResult.CONTINUE;
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
        ctx.registerEventTimeTimer(END);
    }

    @Override
    public void clear(Window window, TriggerContext ctx) {
        ctx.deleteProcessingTimeTimer(window.maxTimestamp());
        ctx.deleteEventTimeTimer(END);
    }
}
