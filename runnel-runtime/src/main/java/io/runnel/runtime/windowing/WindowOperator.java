package io.runnel.runtime.windowing;

import io.runnel.api.OutputTag;
import io.runnel.api.functions.KeySelector;
import io.runnel.api.graph.Specs;
import io.runnel.api.windowing.Evictor;
import io.runnel.api.windowing.TimeWindow;
import io.runnel.api.windowing.Trigger;
import io.runnel.api.windowing.TriggerResult;
import io.runnel.api.windowing.Window;
import io.runnel.api.windowing.WindowAssigner;
import io.runnel.runtime.checkpoint.OperatorRestore;
import io.runnel.runtime.operators.KeyedOperator;
import io.runnel.runtime.operators.OneInputOperator;
import io.runnel.runtime.operators.OperatorContext;
import io.runnel.runtime.operators.Output;
import io.runnel.runtime.state.NamespacedState;
import io.runnel.runtime.state.TimerEntry;
import io.runnel.runtime.state.VoidNamespace;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The general window operator: any assigner (merging sessions included), trigger, evictor and
 * allowed lateness, in event or processing time. Everything per (key, window) lives in the keyed
 * state backend with the window as namespace, as Flink keeps it: the contents (one accumulator,
 * or every element with its timestamp when there is an evictor or no incremental function) and
 * the trigger's state. Merging assigners also keep, per key, the list of its live windows: that
 * list is what a new element merges with. Timers use the window as namespace.
 */
public final class WindowOperator extends KeyedOperator<Object> implements OneInputOperator<Object> {
    static final String CONTENTS = "_window-contents";
    static final String SESSIONS = "_window-sessions";

    private final Specs.Window spec;
    private final WindowAssigner<Object, Window> assigner;
    private final Trigger<Object, Window> trigger;
    private final Evictor<Object, Window> evictor;
    private final long lateness;
    private final OutputTag<Object> lateTag;
    private final KeySelector<Object, ?> keySelector;
    private final WindowFunctions.Folder folder;
    private WindowEmitter emitter;
    /** (key, window) -> accumulator, or the list of timestamped elements with an evictor. */
    private NamespacedState<Object> contents;
    /** Merging assigners: key -> its live windows (namespace VOID). */
    private NamespacedState<ArrayList<Window>> sessions;
    private WindowTriggerContext triggerCtx;

    @SuppressWarnings("unchecked")
    public WindowOperator(Specs.Window spec, KeySelector<?, ?> keySelector) {
        this.spec = spec;
        this.assigner = (WindowAssigner<Object, Window>) spec.assigner();
        this.trigger = (Trigger<Object, Window>) spec.trigger();
        this.evictor = (Evictor<Object, Window>) spec.evictor();
        this.lateness = spec.allowedLateness();
        this.lateTag = (OutputTag<Object>) spec.lateDataTag();
        this.keySelector = (KeySelector<Object, ?>) keySelector;
        this.folder = WindowFunctions.of(spec.reduce(), spec.aggregate());
    }

    @Override
    public void setup(OperatorContext context, Output<Object> output) {
        super.setup(context, output);
        contents = context.state().namespaced(CONTENTS);
        if (assigner.isMerging()) sessions = context.state().namespaced(SESSIONS);
        triggerCtx = new TimerTriggerContext();
    }

    @Override
    public void restoreState(OperatorRestore restore) throws Exception {
        if (!restore.all("windows").isEmpty()) {
            throw new IllegalStateException("window '" + context.name() + "': the checkpoint keeps window contents in the operator"
                    + " (written before window state moved into the keyed state backend); restore it with the Runnel version that wrote it");
        }
        super.restoreState(restore);
    }

    @Override
    public void open() throws Exception {
        emitter = new WindowEmitter(spec.function(), output, context);
        if (spec.function() != null) openFunction(spec.function());
    }

    private boolean isLate(Window w) {
        return assigner.isEventTime() && cleanupTime(w) <= currentWatermark;
    }

    private long cleanupTime(Window w) {
        long max = w.maxTimestamp();
        if (!assigner.isEventTime()) return max;
        return max + lateness < max ? Long.MAX_VALUE : max + lateness;
    }

    @Override
    public void processElement(Object value, long ts) throws Exception {
        if (assigner.isEventTime() && ts == Long.MIN_VALUE) {
            throw new IllegalStateException("event-time window '" + context.name()
                    + "' got a record without a timestamp: assign a WatermarkStrategy on the source or with assignTimestampsAndWatermarks()");
        }
        setKeyOf(keySelector, value);
        Collection<Window> assigned = assigner.assignWindows(value, ts, context.clock().now());
        ArrayList<Window> live = assigner.isMerging() ? liveWindows() : null;
        boolean taken = false;
        for (Window w : assigned) {
            if (live != null) w = mergeInto(w, live);
            if (isLate(w)) continue;
            taken = true;
            Object acc = add(w, value, ts);
            TriggerResult r = trigger.onElement(value, ts, w, triggerCtx.on(w));
            if (r.isFire() || r.isPurge()) apply(r, w, acc != null ? acc : contents.get(w));
            registerCleanup(w);
        }
        if (live != null) saveLiveWindows(live);
        if (!taken && lateTag != null) output.collect(lateTag, value, ts);
    }

    private ArrayList<Window> liveWindows() {
        ArrayList<Window> l = sessions.get(VoidNamespace.INSTANCE);
        return l == null ? new ArrayList<>() : l;
    }

    private void saveLiveWindows(ArrayList<Window> live) {
        if (live.isEmpty()) sessions.remove(VoidNamespace.INSTANCE);
        else sessions.put(VoidNamespace.INSTANCE, live);
    }

    /**
     * Adds the element to the window's contents. Kept elements are appended without reading the
     * list (returns null: read it only to fire); an accumulator is read, folded, written back and
     * returned.
     */
    private Object add(Window w, Object value, long ts) throws Exception {
        if (evictor != null) {
            contents.append(w, new Evictor.Timestamped<>(value, ts));
            return null;
        }
        if (folder.keepsElements()) {
            contents.append(w, value);
            return null;
        }
        Object acc = contents.get(w);
        acc = folder.add(acc == null ? folder.create() : acc, value);
        contents.put(w, acc);
        return acc;
    }

    private void registerCleanup(Window w) {
        long t = cleanupTime(w);
        if (t == Long.MAX_VALUE) return;
        TimerEntry e = new TimerEntry(t, keys.currentKey(), w);
        if (assigner.isEventTime()) eventTimers.add(e);
        else processingTimers.add(e);
    }

    /**
     * Session windows: merges {@code w} with every live window of the key it overlaps, moving
     * their contents to the result; returns the window the element belongs to. A late window
     * that merges with nothing is not added.
     */
    @SuppressWarnings("unchecked")
    private Window mergeInto(Window w, ArrayList<Window> live) throws Exception {
        TimeWindow merged = (TimeWindow) w;
        List<Window> absorbed = new ArrayList<>();
        for (Window existing : live) {
            if (((TimeWindow) existing).intersects(merged)) absorbed.add(existing);
        }
        if (absorbed.isEmpty()) {
            if (!isLate(w)) live.add(w);
            return w;
        }
        for (Window a : absorbed) merged = merged.cover((TimeWindow) a);
        if (absorbed.size() == 1 && absorbed.get(0).equals(merged)) return merged;
        Object into = null;
        for (Window a : absorbed) {
            Object acc = contents.get(a);
            trigger.clear(a, triggerCtx.on(a));
            deleteCleanup(a);
            contents.remove(a);
            live.remove(a);
            if (acc == null) continue;
            if (into == null) into = acc;
            else if (evictor != null) ((ArrayList<Object>) into).addAll((List<Object>) acc);
            else into = folder.merge(into, acc);
        }
        if (into != null) contents.put(merged, into);
        live.add(merged);
        trigger.onMerge(merged, triggerCtx.on(merged));
        return merged;
    }

    private void deleteCleanup(Window w) {
        TimerEntry e = new TimerEntry(cleanupTime(w), keys.currentKey(), w);
        if (assigner.isEventTime()) eventTimers.delete(e);
        else processingTimers.delete(e);
    }

    /** Fires and purges as the trigger said; a purge removes the contents entry (no empty entry stays behind). */
    private void apply(TriggerResult r, Window w, Object acc) throws Exception {
        if (r.isFire()) fire(w, acc);
        if (r.isPurge()) contents.remove(w);
    }

    @SuppressWarnings("unchecked")
    private void fire(Window w, Object acc) throws Exception {
        if (acc == null) return;
        if (evictor != null) {
            List<Evictor.Timestamped<Object>> kept = new ArrayList<>((List<Evictor.Timestamped<Object>>) acc);
            if (kept.isEmpty()) return;
            evictor.evictBefore(kept, w, currentWatermark);
            Object folded = folder.create();
            for (Evictor.Timestamped<Object> e : kept) folded = folder.add(folded, e.value());
            if (!kept.isEmpty()) emitter.emit(keys.currentKey(), w, currentWatermark, folder.result(folded));
            evictor.evictAfter(kept, w, currentWatermark);
            contents.put(w, kept.isEmpty() ? null : new ArrayList<>(kept));
        } else {
            emitter.emit(keys.currentKey(), w, currentWatermark, folder.result(acc));
        }
    }

    @Override
    protected void onEventTime(TimerEntry timer) throws Exception {
        onTimer(timer, true);
    }

    @Override
    protected void onProcessingTime(TimerEntry timer) throws Exception {
        onTimer(timer, false);
    }

    /**
     * As Flink: the trigger sees its timers even when the window holds no contents (a purged
     * count window), except for a session window merged away, which is no longer live.
     */
    private void onTimer(TimerEntry timer, boolean eventTime) throws Exception {
        Window w = (Window) timer.namespace();
        ArrayList<Window> live = null;
        if (assigner.isMerging()) {
            live = liveWindows();
            if (!live.contains(w)) return;
        }
        TriggerResult r = eventTime ? trigger.onEventTime(timer.time(), w, triggerCtx.on(w))
                : trigger.onProcessingTime(timer.time(), w, triggerCtx.on(w));
        if (r.isFire() || r.isPurge()) apply(r, w, contents.get(w));
        if (eventTime == assigner.isEventTime() && timer.time() == cleanupTime(w)) {
            trigger.clear(w, triggerCtx.on(w));
            contents.remove(w);
            if (live != null) {
                live.remove(w);
                saveLiveWindows(live);
            }
        }
    }

    @Override
    public void close() throws Exception {
        if (spec.function() != null) closeFunction(spec.function());
    }

    /** Windows with contents, over all keys (a full scan on RocksDB): for tests and metrics. */
    public long windowCount() {
        return contents == null ? 0 : contents.size();
    }

    /** Every entry this operator keeps in the backend: contents, trigger state, session lists. For tests and metrics. */
    public long stateEntryCount() {
        if (contents == null) return 0;
        return contents.size() + triggerCtx.stateEntries() + (sessions == null ? 0 : sessions.size());
    }

    /** The trigger's timers go to the operator's timer queues, in the window's namespace. */
    private final class TimerTriggerContext extends WindowTriggerContext {
        TimerTriggerContext() {
            super(context.state());
        }

        @Override
        public long currentWatermark() {
            return currentWatermark;
        }

        @Override
        public long currentProcessingTime() {
            return context.clock().now();
        }

        @Override
        public void registerEventTimeTimer(long time) {
            eventTimers.add(new TimerEntry(time, keys.currentKey(), window));
        }

        @Override
        public void registerProcessingTimeTimer(long time) {
            processingTimers.add(new TimerEntry(time, keys.currentKey(), window));
        }

        @Override
        public void deleteEventTimeTimer(long time) {
            eventTimers.delete(new TimerEntry(time, keys.currentKey(), window));
        }

        @Override
        public void deleteProcessingTimeTimer(long time) {
            processingTimers.delete(new TimerEntry(time, keys.currentKey(), window));
        }
    }
}
