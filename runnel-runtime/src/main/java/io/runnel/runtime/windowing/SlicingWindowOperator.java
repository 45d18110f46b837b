package io.runnel.runtime.windowing;

import io.runnel.runtime.state.KeyGroups;

import io.runnel.runtime.checkpoint.OperatorRestore;
import io.runnel.runtime.checkpoint.OperatorSnapshot;
import io.runnel.runtime.operators.OperatorContext;
import io.runnel.runtime.operators.Output;
import io.runnel.runtime.state.HeapKeyedStateBackend;
import io.runnel.runtime.state.StateCopier;
import io.runnel.api.OutputTag;
import io.runnel.api.functions.KeySelector;
import io.runnel.api.graph.Specs;
import io.runnel.api.windowing.AlignedWindows;
import io.runnel.api.windowing.TimeWindow;
import io.runnel.runtime.operators.KeyedOperator;
import io.runnel.runtime.operators.OneInputOperator;
import io.runnel.runtime.state.TimerEntry;
import java.util.TreeMap;


/**
 * Aligned event-time windows (tumbling and sliding) by stream slicing: time is cut into slices
 * of gcd(size, slide); an element is folded once into its key's slice, and a window's result
 * merges the slices it covers. Flink folds each element into size/slide windows instead.
 *
 * <p>Windows end at the same times for every key, so firing is driven by the watermark: at each
 * window end the operator visits the keys that have slices in that window. A slice is dropped
 * once every window holding it has fired and the allowed lateness has passed. A late element
 * (within the lateness) updates its slice and fires its already-fired windows again, as
 * Flink's event-time trigger does.
 */
public final class SlicingWindowOperator extends KeyedOperator<Object> implements OneInputOperator<Object> {
    private final long size;
    private final long slide;
    private final long offset;
    private final long slice;
    private final long lateness;
    private final OutputTag<Object> lateTag;
    private final KeySelector<Object, ?> keySelector;
    private final WindowFunctions.Folder folder;
    private final Specs.Window spec;
    private WindowEmitter emitter;
    /** The slices of every key, in the keyed state backend. */
    private SliceStore slices;
    /**
     * On the heap, window ends fire for every key from the watermark, visiting the keys in memory;
     * off the heap each key's windows fire by timers, so nothing scans all slices.
     */
    private boolean timerDriven;
    /** Slice starts that hold data for some key, with how many keys: drives which window ends fire. */
    private final TreeMap<Long, int[]> liveSlices = new TreeMap<>();
    private long nextEnd = Long.MIN_VALUE;
    /** The window end being fired; read by the visitor and predicate below, made once so firing allocates nothing. */
    private long firingEnd;
    /** A watermark whose windows and timers have not all fired yet; the key group to go on with, or -1. */
    private boolean pending;
    private long pendingWatermark;
    private int firingGroup = -1;
    private final java.util.function.BooleanSupplier outputFull = () -> context.outputFull();
    /** After a restore from subtasks that had fired up to different ends: each key group's next end, else null. */
    private long[] groupNextEnd;
    private long groupsCaughtUpAt;
    private final java.util.function.LongPredicate expired = st -> lastEndOf(st) <= firingEnd;
    private final SliceStore.KeyVisitor fireKey = this::fireKey;

    @SuppressWarnings("unchecked")
    public SlicingWindowOperator(Specs.Window spec, KeySelector<?, ?> keySelector) {
        AlignedWindows aligned = (AlignedWindows) spec.assigner();
        this.spec = spec;
        this.size = aligned.size();
        this.slide = aligned.slide();
        this.offset = aligned.offset();
        this.slice = gcd(size, slide);
        this.lateness = spec.allowedLateness();
        this.lateTag = (OutputTag<Object>) spec.lateDataTag();
        this.keySelector = (KeySelector<Object, ?>) keySelector;
        this.folder = WindowFunctions.of(spec.reduce(), spec.aggregate());
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    @Override
    public void setup(OperatorContext context, Output<Object> output) {
        super.setup(context, output);
        // the heap keeps a key's slices as one value (one lookup per record); other backends one entry per slice
        timerDriven = !(context.state() instanceof HeapKeyedStateBackend);
        slices = context.state() instanceof HeapKeyedStateBackend heap
                ? new HeapSliceStore(heap.internalTable(SliceStore.STATE), keys, folder)
                : new NamespacedSliceStore(context.state().namespaced(SliceStore.STATE), context.state().namespaced(SliceStore.MARKS), keys, folder, slice);
    }

    @Override
    public void snapshotState(OperatorSnapshot snapshot) throws Exception {
        super.snapshotState(snapshot);
        snapshot.put("next-end", nextEnd);
        snapshot.put("key-groups", new int[] {keys.firstKeyGroup(), keys.firstKeyGroup() + keys.keyGroupCount()});
    }

    @Override
    public void restoreState(OperatorRestore restore) throws Exception {
        if (!restore.all("slices").isEmpty()) {
            throw new IllegalStateException("window '" + context.name() + "': the checkpoint keeps window slices in the operator"
                    + " (written before window state moved into the keyed state backend); restore it with the Runnel version that wrote it");
        }
        super.restoreState(restore);
        restoreNextEnds(restore);
        if (!timerDriven) slices.forEachSliceStart(s -> liveSlices.computeIfAbsent(s, k -> new int[1])[0]++);
    }

    /**
     * Subtasks aligned on one barrier saw the same watermarks, so their next window ends agree.
     * After an unaligned or at-least-once checkpoint they may not: each earlier subtask fired up to
     * its own. This one starts at the least of those it takes over and, until it passes the
     * others, skips the windows a key's earlier subtask had already fired.
     */
    private void restoreNextEnds(OperatorRestore restore) {
        long least = Long.MAX_VALUE;
        long most = Long.MIN_VALUE;
        for (java.util.Map<String, Object> s : restore.takenOver()) {
            Object v = s.get("next-end");
            long e = v == null ? Long.MIN_VALUE : (Long) v;
            least = Math.min(least, e);
            most = Math.max(most, e);
        }
        if (least == Long.MAX_VALUE) return; // took over no earlier subtask
        nextEnd = least;
        if (least == most) return;
        int first = keys.firstKeyGroup();
        groupNextEnd = new long[keys.keyGroupCount()];
        java.util.Arrays.fill(groupNextEnd, least);
        for (java.util.Map<String, Object> s : restore.takenOver()) {
            Object v = s.get("next-end");
            int[] range = (int[]) s.get("key-groups");
            if (v == null || range == null) continue;
            for (int g = Math.max(range[0], first); g < Math.min(range[1], first + groupNextEnd.length); g++) groupNextEnd[g - first] = (Long) v;
        }
        groupsCaughtUpAt = most;
    }

    @Override
    public void open() throws Exception {
        emitter = new WindowEmitter(spec.function(), output, context);
        if (spec.function() != null) openFunction(spec.function());
    }

    /** The last window end (exclusive) that holds the slice starting at {@code s}. */
    private long lastEndOf(long s) {
        return TimeWindow.startOf(s, offset, slide) + size;
    }

    /** The first window end after {@code s} (the first window holding slice s). */
    private long firstEndOf(long s) {
        long end = TimeWindow.startOf(s + slice - 1 - size + slide, offset, slide) + size;
        return end < s + slice ? end + slide : end;
    }

    @Override
    public void processElement(Object value, long ts) throws Exception {
        if (ts == Long.MIN_VALUE) {
            throw new IllegalStateException("event-time window '" + context.name()
                    + "' got a record without a timestamp: assign a WatermarkStrategy on the source or with assignTimestampsAndWatermarks()");
        }
        long s = TimeWindow.startOf(ts, offset, slice);
        if (lastEndOf(s) - 1 + lateness <= currentWatermark) {
            if (lateTag != null) output.collect(lateTag, value, ts);
            return;
        }
        setKeyOf(keySelector, value);
        if (slices.add(s, value)) onNewSlice(s);
        if (firstEndOf(s) - 1 <= currentWatermark) refireLate(keys.currentKey(), slices.ofCurrentKey(), s);
    }

    /** The current key's first element in slice s (kept out of the per-record path, which stays small enough to inline). */
    private void onNewSlice(long s) {
        Object key = keys.currentKey();
        if (timerDriven) {
            registerFiringTimers(key, s);
        } else {
            int[] n = liveSlices.get(s);
            if (n == null) liveSlices.put(s, n = new int[1]);
            n[0]++;
        }
        if (lateness > 0) eventTimers.add(new TimerEntry(lastEndOf(s) - 1 + lateness, key, s));
    }

    /**
     * Slices off the heap: the key's windows holding slice s fire by timers (namespace: the
     * window), as Flink's window operator does, instead of a scan of every key's slices per
     * window end. Windows already passed are left to {@link #refireLate}.
     */
    private void registerFiringTimers(Object key, long s) {
        for (long end = firstEndOf(s); end <= lastEndOf(s); end += slide) {
            if (end - 1 > currentWatermark) eventTimers.add(new TimerEntry(end - 1, key, new TimeWindow(end - size, end)));
        }
    }

    /** A firing timer (slices off the heap): the key's window ending at {@code end}; then drops the slices no window needs. */
    private void fireByTimer(Object key, long end) throws Exception {
        KeySlices ks = slices.slicesIn(end - size, end);
        if (ks == null) return;
        fire(key, ks, end);
        if (lateness > 0) return; // the clean-up timers drop them
        for (int i = 0; i < ks.count; i++) if (lastEndOf(ks.starts[i]) <= end) slices.remove(ks.starts[i]);
    }

    /** A late element joined slice s: fire again every window holding s that already fired and is not expired. */
    private void refireLate(Object key, KeySlices ks, long s) throws Exception {
        for (long end = firstEndOf(s); end <= lastEndOf(s) && end - 1 <= currentWatermark; end += slide) {
            if (end - 1 + lateness > currentWatermark) fire(key, ks, end);
        }
    }

    /**
     * Fires every window the watermark passed, end by end and, within an end, key group by key
     * group; then the due timers; then forwards the watermark. When the task's output fills up it
     * stops after a key group (or a timer) and {@link #resumeWork} goes on from there.
     */
    @Override
    public void processWatermark(long watermark) throws Exception {
        currentWatermark = watermark;
        pendingWatermark = watermark;
        pending = true;
        resumeWork();
    }

    @Override
    public boolean hasPendingWork() {
        return pending;
    }

    @Override
    public void resumeWork() throws Exception {
        if (!pending) return;
        long watermark = pendingWatermark;
        while (true) {
            if (firingGroup < 0) {
                // the next window end that holds data: skips empty stretches of time
                Long s = nextEnd == Long.MIN_VALUE ? (liveSlices.isEmpty() ? null : liveSlices.firstKey())
                        : liveSlices.ceilingKey(nextEnd - size);
                if (s == null) break;
                long end = Math.max(nextEnd, firstEndOf(s));
                if (end - 1 > watermark) break;
                firingEnd = end;
                if (groupNextEnd != null && end >= groupsCaughtUpAt) groupNextEnd = null; // every group is at this end now
                firingGroup = 0;
            }
            firingGroup = slices.forEachKeyFrom(firingGroup, fireKey, outputFull);
            if (firingGroup >= 0) return; // the output is full: go on with this key group later
            endFired(firingEnd);
        }
        // windows that ended without data are passed too: a late element must not revive them
        if (watermark != Long.MAX_VALUE && watermark != Long.MIN_VALUE) {
            long firstOpenEnd = TimeWindow.startOf(watermark + 2 - size + slide - 1, offset, slide) + size;
            if (firstOpenEnd > nextEnd) nextEnd = firstOpenEnd;
        }
        if (!fireEventTimers(watermark)) return;
        pending = false;
        output.emitWatermark(watermark);
    }

    /** The window ending at {@code end} fired for every key: drops slices no window needs. */
    private void endFired(long end) {
        if (lateness == 0) {
            // every slice whose last window ended at or before `end` is gone for every key
            while (!liveSlices.isEmpty() && lastEndOf(liveSlices.firstKey()) <= end) liveSlices.pollFirstEntry();
        }
        nextEnd = end + slide;
    }

    private void fireKey(Object key, KeySlices ks) throws Exception {
        if (ks.isEmpty()) return;
        if (groupNextEnd != null && firingEnd < groupNextEnd[KeyGroups.keyGroupOf(key, context.maxParallelism()) - keys.firstKeyGroup()]) {
            return; // the earlier subtask of this key's group had fired this window already
        }
        fire(key, ks, firingEnd);
        if (lateness == 0) ks.dropWhile(expired);
    }

    private void fire(Object key, KeySlices ks, long end) throws Exception {
        long from = end - size;
        int first = -1;
        int n = 0;
        for (int i = 0; i < ks.count; i++) {
            long st = ks.starts[i];
            if (st >= from && st < end) {
                if (first < 0) first = i;
                n++;
            }
        }
        if (n == 0) return;
        emitter.emit(key, new TimeWindow(from, end), currentWatermark, folder.result(combine(ks, first, n, end)));
    }

    /**
     * The window's accumulator from {@code n} slices starting at {@code first}. User functions may
     * mutate and return their first argument (reduce, aggregate merge) or return the second
     * (merge): a stored slice is never passed first, and a result that is a stored slice is copied
     * before the next merge, since sliding windows and late firings reuse the slices.
     */
    private Object combine(KeySlices ks, int first, int n, long end) throws Exception {
        Object[] accs = ks.accs;
        Object stored = accs[first];
        // tumbling: the window is its one slice, dropped right after, so its accumulator can go downstream as it is
        if (n == 1 && !folder.keepsElements() && lateness == 0 && lastEndOf(ks.starts[first]) <= end) return stored;
        Object acc = folder.keepsElements() ? folder.merge(folder.create(), stored) : StateCopier.copy(stored);
        for (int i = first + 1; i < first + n; i++) {
            acc = folder.merge(acc, accs[i]);
            if (acc == accs[i]) acc = StateCopier.copy(acc);
        }
        return acc;
    }

    /** With allowed lateness: a slice's clean-up timer (namespace = slice start). */
    @Override
    protected void onEventTime(TimerEntry timer) throws Exception {
        if (timer.namespace() instanceof TimeWindow w) {
            fireByTimer(timer.key(), w.end());
            return;
        }
        long s = (Long) timer.namespace();
        slices.remove(s);
        int[] n = liveSlices.get(s);
        if (n != null && --n[0] == 0) liveSlices.remove(s);
    }

    @Override
    public void close() throws Exception {
        if (spec.function() != null) closeFunction(spec.function());
    }

    /** Entries of window state in the backend (keys on the heap, slices elsewhere): for tests and metrics. */
    public long stateEntryCount() {
        return slices == null ? 0 : slices.entryCount();
    }
}
