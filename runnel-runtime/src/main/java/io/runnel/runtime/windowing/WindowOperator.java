package io.runnel.runtime.windowing;

import io.runnel.runtime.checkpoint.OperatorRestore;
import io.runnel.runtime.checkpoint.OperatorSnapshot;
import io.runnel.runtime.operators.OperatorContext;
import io.runnel.runtime.operators.Output;
import io.runnel.runtime.state.KeyGroupMaps;
import io.runnel.runtime.state.KeyGroupedSnapshot;
import io.runnel.runtime.state.StateCopier;
import io.runnel.api.OutputTag;
import io.runnel.api.functions.KeySelector;
import io.runnel.api.graph.Specs;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.api.windowing.Evictor;
import io.runnel.api.windowing.TimeWindow;
import io.runnel.api.windowing.Trigger;
import io.runnel.api.windowing.TriggerResult;
import io.runnel.api.windowing.Window;
import io.runnel.api.windowing.WindowAssigner;
import io.runnel.runtime.operators.KeyedOperator;
import io.runnel.runtime.operators.OneInputOperator;
import io.runnel.runtime.state.TimerEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;

/**
 * The general window operator: any assigner (merging sessions included), trigger, evictor and
 * allowed lateness, in event or processing time. Contents per (key, window) are one accumulator,
 * or every element with its timestamp when there is an evictor or no incremental function.
 * Timers use the window as namespace.
 */
public final class WindowOperator extends KeyedOperator<Object> implements OneInputOperator<Object> {
    private final Specs.Window spec;
    private final WindowAssigner<Object, Window> assigner;
    private final Trigger<Object, Window> trigger;
    private final Evictor<Object, Window> evictor;
    private final long lateness;
    private final OutputTag<Object> lateTag;
    private final KeySelector<Object, ?> keySelector;
    private final WindowFunctions.Folder folder;
    private WindowEmitter emitter;
    /** Per key group (relative index): key -> window -> contents. */
    private KeyGroupMaps<HashMap<Window, Contents>> groups;
    private final TriggerCtx triggerCtx = new TriggerCtx();

    /** A window's contents and its trigger's state. */
    private static final class Contents implements StateCopier.Copyable, java.io.Serializable {
        Object acc;
        ArrayList<Evictor.Timestamped<Object>> elements;
        HashMap<String, Object> triggerState;

        @Override
        @SuppressWarnings("unchecked")
        public Contents copy() {
            Contents c = new Contents();
            c.acc = StateCopier.copy(acc);
            // elements are records, which are never mutated once emitted: the list is copied, they are shared
            c.elements = elements == null ? null : new ArrayList<>(elements);
            c.triggerState = (HashMap<String, Object>) StateCopier.copy(triggerState);
            return c;
        }
    }

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
        groups = new KeyGroupMaps<>(keys);
    }

    @Override
    public void snapshotState(OperatorSnapshot snapshot) throws Exception {
        super.snapshotState(snapshot);
        snapshot.put("windows", groups.snapshot());
    }

    @Override
    public void restoreState(OperatorRestore restore) throws Exception {
        super.restoreState(restore);
        for (KeyGroupedSnapshot s : restore.<KeyGroupedSnapshot>all("windows")) groups.restore(s);
    }

    @Override
    public void open() throws Exception {
        emitter = new WindowEmitter(spec.function(), output, context);
        if (spec.function() != null) openFunction(spec.function());
    }

    private HashMap<Window, Contents> windowsOfKey(boolean create) {
        HashMap<Object, HashMap<Window, Contents>> m = create ? groups.currentOrCreate() : groups.current();
        if (m == null) return null;
        HashMap<Window, Contents> w = m.get(keys.currentKey());
        if (w == null && create) {
            w = new HashMap<>();
            m.put(keys.currentKey(), w);
        }
        return w;
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
        boolean taken = false;
        for (Window w : assigned) {
            if (assigner.isMerging()) w = mergeInto(w);
            if (isLate(w)) continue;
            taken = true;
            HashMap<Window, Contents> windows = windowsOfKey(true);
            Contents c = windows.computeIfAbsent(w, k -> new Contents());
            add(c, value, ts);
            TriggerResult r = trigger.onElement(value, ts, w, triggerCtx.on(w, c));
            apply(r, w, c);
            registerCleanup(w);
            dropIfEmpty(w, c, windows);
        }
        if (!taken && lateTag != null) output.collect(lateTag, value, ts);
    }

    private void add(Contents c, Object value, long ts) throws Exception {
        if (evictor != null) {
            if (c.elements == null) c.elements = new ArrayList<>();
            c.elements.add(new Evictor.Timestamped<>(value, ts));
        } else {
            c.acc = folder.add(c.acc == null ? folder.create() : c.acc, value);
        }
    }

    private void registerCleanup(Window w) {
        long t = cleanupTime(w);
        if (t == Long.MAX_VALUE) return;
        TimerEntry e = new TimerEntry(t, keys.currentKey(), w);
        if (assigner.isEventTime()) eventTimers.add(e);
        else processingTimers.add(e);
    }

    /** Session windows: merges {@code w} with every window of the key it overlaps; returns the result. */
    private Window mergeInto(Window w) throws Exception {
        HashMap<Window, Contents> windows = windowsOfKey(true);
        TimeWindow merged = (TimeWindow) w;
        List<Window> absorbed = new ArrayList<>();
        for (Window existing : windows.keySet()) {
            if (((TimeWindow) existing).intersects(merged)) absorbed.add(existing);
        }
        if (absorbed.isEmpty()) return w;
        for (Window a : absorbed) merged = merged.cover((TimeWindow) a);
        if (absorbed.size() == 1 && absorbed.get(0).equals(merged)) return merged;
        Contents into = new Contents();
        for (Window a : absorbed) {
            Contents c = windows.remove(a);
            trigger.clear(a, triggerCtx.on(a, c));
            deleteCleanup(a);
            if (c.elements != null) {
                if (into.elements == null) into.elements = new ArrayList<>();
                into.elements.addAll(c.elements);
            }
            if (c.acc != null) into.acc = into.acc == null ? c.acc : folder.merge(into.acc, c.acc);
        }
        windows.put(merged, into);
        trigger.onMerge(merged, triggerCtx.on(merged, into));
        return merged;
    }

    private void deleteCleanup(Window w) {
        TimerEntry e = new TimerEntry(cleanupTime(w), keys.currentKey(), w);
        if (assigner.isEventTime()) eventTimers.delete(e);
        else processingTimers.delete(e);
    }

    private void apply(TriggerResult r, Window w, Contents c) throws Exception {
        if (r.isFire()) fire(w, c);
        if (r.isPurge()) {
            c.acc = null;
            c.elements = null;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void fire(Window w, Contents c) throws Exception {
        Iterable<Object> values;
        if (evictor != null) {
            if (c.elements == null || c.elements.isEmpty()) return;
            List<Evictor.Timestamped<Object>> kept = new ArrayList<>(c.elements);
            evictor.evictBefore(kept, w, currentWatermark);
            Object acc = folder.create();
            for (Evictor.Timestamped<Object> e : kept) acc = folder.add(acc, e.value());
            values = kept.isEmpty() ? List.of() : folder.result(acc);
            if (!kept.isEmpty()) emitter.emit(keys.currentKey(), w, currentWatermark, values);
            evictor.evictAfter(kept, w, currentWatermark);
            c.elements = new ArrayList<>(kept);
        } else {
            if (c.acc == null) return;
            emitter.emit(keys.currentKey(), w, currentWatermark, folder.result(c.acc));
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

    private void onTimer(TimerEntry timer, boolean eventTime) throws Exception {
        Window w = (Window) timer.namespace();
        HashMap<Window, Contents> windows = windowsOfKey(false);
        Contents c = windows == null ? null : windows.get(w);
        if (c == null) {
            // a merged-away session has no timers left; any other window may have been dropped empty
            // while its trigger still waits for a timer, which the trigger must see (as in Flink)
            if (assigner.isMerging()) return;
            windows = windowsOfKey(true);
            c = new Contents();
            windows.put(w, c);
        }
        TriggerResult r = eventTime ? trigger.onEventTime(timer.time(), w, triggerCtx.on(w, c))
                : trigger.onProcessingTime(timer.time(), w, triggerCtx.on(w, c));
        apply(r, w, c);
        if (eventTime == assigner.isEventTime() && timer.time() == cleanupTime(w)) {
            trigger.clear(w, triggerCtx.on(w, c));
            windows.remove(w);
            if (windows.isEmpty()) groups.current().remove(keys.currentKey());
        } else {
            dropIfEmpty(w, c, windows);
        }
    }

    /**
     * Drops a window that holds neither contents nor trigger state (purged count and global
     * windows): it would otherwise stay forever, one entry per key ever seen. Sessions keep theirs
     * until clean-up, since the set of windows is what later elements merge with.
     */
    private void dropIfEmpty(Window w, Contents c, HashMap<Window, Contents> windows) {
        if (assigner.isMerging() || c.acc != null || (c.elements != null && !c.elements.isEmpty())
                || (c.triggerState != null && !c.triggerState.isEmpty())) {
            return;
        }
        windows.remove(w);
        if (windows.isEmpty()) groups.current().remove(keys.currentKey());
    }

    @Override
    public void close() throws Exception {
        if (spec.function() != null) closeFunction(spec.function());
    }

    /** Windows with state, over all keys. */
    public long windowCount() {
        long n = 0;
        if (groups == null) return 0;
        for (int g = 0; g < groups.groupCount(); g++) {
            HashMap<Object, HashMap<Window, Contents>> m = groups.writable(g);
            if (m == null) continue;
            for (Iterator<HashMap<Window, Contents>> it = m.values().iterator(); it.hasNext(); ) n += it.next().size();
        }
        return n;
    }

    /** The trigger's view of one (key, window). */
    private final class TriggerCtx implements Trigger.TriggerContext {
        private Window window;
        private Contents contents;

        TriggerCtx on(Window w, Contents c) {
            this.window = w;
            this.contents = c;
            return this;
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

        @Override
        @SuppressWarnings("unchecked")
        public <S> ValueState<S> getState(ValueStateDescriptor<S> descriptor) {
            Contents c = contents;
            return new ValueState<>() {
                @Override
                public S value() {
                    Object v = c.triggerState == null ? null : c.triggerState.get(descriptor.name());
                    return v == null ? descriptor.defaultValue() : (S) v;
                }

                @Override
                public void update(S value) {
                    if (c.triggerState == null) c.triggerState = new HashMap<>();
                    c.triggerState.put(descriptor.name(), value);
                }

                @Override
                public void clear() {
                    if (c.triggerState != null) c.triggerState.remove(descriptor.name());
                }
            };
        }
    }
}
