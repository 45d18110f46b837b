package io.runnel.api.windowing;

import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import java.io.Serializable;

/**
 * Decides when a window is evaluated. Called for every element and timer of the window's key;
 * may register timers and keep small state per (key, window) through its context.
 */
public abstract class Trigger<T, W extends Window> implements Serializable {
    private static final long serialVersionUID = 1L;

    public abstract TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception;

    public abstract TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception;

    public abstract TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception;

    /** True if this trigger supports merging windows (sessions). */
    public boolean canMerge() {
        return false;
    }

    /** Called when windows merged into {@code window}; re-register timers as needed. */
    public void onMerge(W window, TriggerContext ctx) throws Exception {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not support merging windows");
    }

    /** Called when the window is removed; delete timers and state. */
    public void clear(W window, TriggerContext ctx) throws Exception {}

    /** Timers and per-(key, window) state of a trigger. */
    public interface TriggerContext {
        long currentWatermark();

        long currentProcessingTime();

        void registerEventTimeTimer(long time);

        void registerProcessingTimeTimer(long time);

        void deleteEventTimeTimer(long time);

        void deleteProcessingTimeTimer(long time);

        /** State scoped to the current key and window. */
        <S> ValueState<S> getState(ValueStateDescriptor<S> descriptor);
    }
}
