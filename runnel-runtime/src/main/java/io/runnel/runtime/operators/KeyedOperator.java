package io.runnel.runtime.operators;

import io.runnel.runtime.checkpoint.OperatorRestore;
import io.runnel.api.functions.KeySelector;
import io.runnel.api.functions.TimerService;
import io.runnel.runtime.state.KeyContext;
import io.runnel.runtime.state.StableKeys;
import io.runnel.runtime.state.TimerEntry;
import io.runnel.runtime.state.TimerQueue;

/**
 * Base of operators on keyed streams: sets the current key per record and keeps event- and
 * processing-time timers per (key, namespace), fired in time order with their key set. The
 * timers live in the keyed state backend, which snapshots and rescales them with the keyed state.
 */
public abstract class KeyedOperator<OUT> extends StreamOperator<OUT> {
    /** The namespace of timers that belong to no window. */
    public static final Object NO_NAMESPACE = VoidNamespace.INSTANCE;

    protected KeyContext keys;
    private StableKeys.Guard keyCheck;
    protected TimerQueue eventTimers;
    protected TimerQueue processingTimers;
    /** A watermark whose due timers have not all fired yet (the output filled up). */
    private boolean firing;
    private long firingUpTo;

    @Override
    public void setup(OperatorContext context, Output<OUT> output) {
        super.setup(context, output);
        this.keys = context.keys();
        if (keys == null) throw new IllegalStateException("operator '" + context.name() + "' needs a keyed input");
        this.keyCheck = new StableKeys.Guard(context.name());
        this.eventTimers = context.state().timers("event");
        this.processingTimers = context.state().timers("processing");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    protected final void setKeyOf(KeySelector selector, Object value) throws Exception {
        // the task presets the key a keyed edge's sender already extracted, checked and hashed
        if (keys.takePreset()) return;
        keys.setCurrentKey(keyCheck.check(selector.getKey(value)));
    }

    protected abstract void onEventTime(TimerEntry timer) throws Exception;

    protected void onProcessingTime(TimerEntry timer) throws Exception {}

    /**
     * Fires the event-time timers the watermark made due, in time order, then forwards it. When the
     * task's output fills up, it stops after the timer it fired and {@link #resumeWork} goes on.
     */
    @Override
    public void processWatermark(long watermark) throws Exception {
        currentWatermark = watermark;
        firingUpTo = watermark;
        firing = true;
        resumeWork();
    }

    @Override
    public boolean hasPendingWork() {
        return firing;
    }

    @Override
    public void resumeWork() throws Exception {
        if (!firing) return;
        if (!fireEventTimers(firingUpTo)) return;
        firing = false;
        output.emitWatermark(firingUpTo);
    }

    /** Fires due event-time timers until none is left (true) or the output is full (false). */
    protected final boolean fireEventTimers(long watermark) throws Exception {
        TimerEntry t;
        while ((t = eventTimers.pollDue(watermark)) != null) {
            keys.setCurrentKey(t.key());
            onEventTime(t);
            if (context.outputFull()) return false;
        }
        return true;
    }

    /** Fires due processing-time timers; stops early when the output is full (the rest fire at the next check). */
    @Override
    public boolean advanceProcessingTime(long now) throws Exception {
        boolean fired = false;
        TimerEntry t;
        while ((t = processingTimers.pollDue(now)) != null) {
            keys.setCurrentKey(t.key());
            onProcessingTime(t);
            fired = true;
            if (context.outputFull()) break;
        }
        return fired;
    }

    @Override
    public void restoreState(OperatorRestore restore) throws Exception {
        super.restoreState(restore);
        // checkpoints written before timers moved into the backend kept them as operator parts
        restoreTimers(restore.all("event-timers"), eventTimers);
        restoreTimers(restore.all("processing-timers"), processingTimers);
    }

    /** Keeps the timers whose key belongs to this instance's key groups. */
    private void restoreTimers(java.util.List<java.util.List<TimerEntry>> lists, TimerQueue into) {
        int first = keys.firstKeyGroup();
        int end = first + keys.keyGroupCount();
        for (java.util.List<TimerEntry> l : lists) {
            for (TimerEntry t : l) {
                int kg = io.runnel.runtime.state.KeyGroups.keyGroupOf(t.key(), context.maxParallelism());
                if (kg >= first && kg < end) into.add(t);
            }
        }
    }

    public TimerQueue eventTimers() {
        return eventTimers;
    }

    public TimerQueue processingTimers() {
        return processingTimers;
    }

    /** A timer service for the current key, in {@code namespace}. */
    protected final TimerService timerService(Object namespace) {
        return new TimerService() {
            @Override
            public long currentProcessingTime() {
                return context.clock().now();
            }

            @Override
            public long currentWatermark() {
                return currentWatermark;
            }

            @Override
            public void registerEventTimeTimer(long time) {
                eventTimers.add(new TimerEntry(time, keys.currentKey(), namespace));
            }

            @Override
            public void registerProcessingTimeTimer(long time) {
                processingTimers.add(new TimerEntry(time, keys.currentKey(), namespace));
            }

            @Override
            public void deleteEventTimeTimer(long time) {
                eventTimers.delete(new TimerEntry(time, keys.currentKey(), namespace));
            }

            @Override
            public void deleteProcessingTimeTimer(long time) {
                processingTimers.delete(new TimerEntry(time, keys.currentKey(), namespace));
            }
        };
    }

    /** The singleton namespace of plain keyed timers. */
    enum VoidNamespace { INSTANCE }
}
