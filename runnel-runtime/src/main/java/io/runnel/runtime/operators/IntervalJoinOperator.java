package io.runnel.runtime.operators;

import io.runnel.api.functions.KeySelector;
import io.runnel.api.functions.ProcessJoinFunction;
import io.runnel.api.state.MapState;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.runtime.state.TimerEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Interval join of two keyed streams in event time: each side's elements are buffered per key
 * by timestamp until the watermark guarantees no partner can arrive, then dropped by a timer.
 * A right element at tr matches a left element at tl when tl + lower <= tr <= tl + upper.
 */
public final class IntervalJoinOperator<K, L, R, O> extends KeyedOperator<O> implements TwoInputOperator<L, R> {
    private final long lower;
    private final long upper;
    private final ProcessJoinFunction<L, R, O> fn;
    private final KeySelector<L, K> leftKey;
    private final KeySelector<R, K> rightKey;
    private MapState<Long, List<L>> lefts;
    private MapState<Long, List<R>> rights;
    private TimestampedCollector<O> collector;
    private long leftTs;
    private long rightTs;
    private final ProcessJoinFunction.Context ctx = new ProcessJoinFunction.Context() {
        @Override
        public long leftTimestamp() {
            return leftTs;
        }

        @Override
        public long rightTimestamp() {
            return rightTs;
        }

        @Override
        public long timestamp() {
            return Math.max(leftTs, rightTs);
        }
    };

    /** Namespaces of the clean-up timers of each side. */
    private enum Side { LEFT, RIGHT }

    public IntervalJoinOperator(long lower, long upper, ProcessJoinFunction<L, R, O> fn, KeySelector<L, K> leftKey, KeySelector<R, K> rightKey) {
        this.lower = lower;
        this.upper = upper;
        this.fn = fn;
        this.leftKey = leftKey;
        this.rightKey = rightKey;
    }

    @Override
    public void open() throws Exception {
        lefts = context.state().map(new MapStateDescriptor<>("interval-join-left"));
        rights = context.state().map(new MapStateDescriptor<>("interval-join-right"));
        collector = new TimestampedCollector<>(output);
        openFunction(fn);
    }

    @Override
    public void processElement1(L value, long ts) throws Exception {
        requireTimestamp(ts);
        setKeyOf(leftKey, value);
        if (ts + upper < currentWatermark) return; // no right partner can still arrive or is buffered
        for (Map.Entry<Long, List<R>> e : rights.entries()) {
            long tr = e.getKey();
            if (tr >= ts + lower && tr <= ts + upper) for (R r : e.getValue()) emit(value, ts, r, tr);
        }
        add(lefts, ts, value);
        eventTimers.add(new TimerEntry(ts + upper, keys.currentKey(), Side.LEFT));
    }

    @Override
    public void processElement2(R value, long ts) throws Exception {
        requireTimestamp(ts);
        setKeyOf(rightKey, value);
        if (ts - lower < currentWatermark) return;
        for (Map.Entry<Long, List<L>> e : lefts.entries()) {
            long tl = e.getKey();
            if (ts >= tl + lower && ts <= tl + upper) for (L l : e.getValue()) emit(l, tl, value, ts);
        }
        add(rights, ts, value);
        eventTimers.add(new TimerEntry(ts - lower, keys.currentKey(), Side.RIGHT));
    }

    private void requireTimestamp(long ts) {
        if (ts == Long.MIN_VALUE) {
            throw new IllegalStateException("interval join '" + context.name() + "' needs event-time timestamps: assign a WatermarkStrategy");
        }
    }

    /**
     * Read, change, write back: a value read from state is the caller's copy on some backends
     * (RocksDB deserializes it), so changing it in place after the put would be lost there.
     */
    private static <T> void add(MapState<Long, List<T>> state, long ts, T value) {
        List<T> l = state.get(ts);
        if (l == null) l = new ArrayList<>(2);
        l.add(value);
        state.put(ts, l);
    }

    private void emit(L l, long tl, R r, long tr) throws Exception {
        leftTs = tl;
        rightTs = tr;
        fn.processElement(l, r, ctx, collector.at(Math.max(tl, tr)));
    }

    @Override
    protected void onEventTime(TimerEntry timer) {
        if (timer.namespace() == Side.LEFT) lefts.remove(timer.time() - upper);
        else rights.remove(timer.time() + lower);
    }

    @Override
    public void close() throws Exception {
        closeFunction(fn);
    }
}
