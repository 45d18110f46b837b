package io.runnel.runtime.operators;

import io.runnel.api.OutputTag;
import io.runnel.api.functions.KeySelector;
import io.runnel.api.functions.KeyedBroadcastProcessFunction;
import io.runnel.api.functions.KeyedStateFunction;
import io.runnel.api.functions.RuntimeContext;
import io.runnel.api.functions.TimeDomain;
import io.runnel.api.functions.TimerService;
import io.runnel.api.state.BroadcastState;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.api.state.ReadOnlyBroadcastState;
import io.runnel.runtime.checkpoint.OperatorRestore;
import io.runnel.runtime.checkpoint.OperatorSnapshot;
import io.runnel.runtime.state.KeyGroups;
import io.runnel.runtime.state.TimerEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Runs a {@link KeyedBroadcastProcessFunction}: input 1 is keyed (keyed state, timers), input 2
 * the broadcast stream (broadcast state, and every key's state through applyToKeyedState).
 *
 * <p>The keyed state backends cannot list their keys, so this operator remembers the keys it has
 * seen on input 1 and checkpoints them (a copy of the set at each barrier, O(keys)); on restore
 * each instance keeps the keys of its key groups. Keys whose state was cleared stay in the set.
 */
public final class KeyedBroadcastProcessOperator<K, I, B, O> extends KeyedOperator<O> implements TwoInputOperator<I, B> {
    static final String KEYS_PART = "broadcast-keyed-keys";
    private final KeyedBroadcastProcessFunction<K, I, B, O> fn;
    private final KeySelector<I, K> keySelector;
    private final List<MapStateDescriptor<?, ?>> declared;
    private final Set<Object> seenKeys = new HashSet<>();
    private DeclaredBroadcastStates named;
    private TimestampedCollector<O> collector;
    private TimerService timers;
    private long timestamp;
    private TimeDomain domain;
    private RuntimeContext runtimeContext;
    private KeyedBroadcastProcessFunction<K, I, B, O>.OnTimerContext keyedCtx;
    private KeyedBroadcastProcessFunction<K, I, B, O>.Context broadcastCtx;

    public KeyedBroadcastProcessOperator(KeyedBroadcastProcessFunction<K, I, B, O> fn, KeySelector<I, K> keySelector,
                                         List<MapStateDescriptor<?, ?>> declared) {
        this.fn = fn;
        this.keySelector = keySelector;
        this.declared = declared;
    }

    @Override
    public void open() throws Exception {
        collector = new TimestampedCollector<>(output);
        timers = timerService(NO_NAMESPACE);
        runtimeContext = new OperatorRuntimeContext(context);
        named = new DeclaredBroadcastStates(context.name(), declared);
        named.open(operatorStateStore());
        keyedCtx = fn.new OnTimerContext() {
            @Override
            public long timestamp() {
                return timestamp;
            }

            @Override
            @SuppressWarnings("unchecked")
            public K getCurrentKey() {
                return (K) keys.currentKey();
            }

            @Override
            public TimerService timerService() {
                return timers;
            }

            @Override
            public <X> void output(OutputTag<X> tag, X value) {
                output.collect(tag, value, timestamp);
            }

            @Override
            public <MK, MV> ReadOnlyBroadcastState<MK, MV> getBroadcastState(MapStateDescriptor<MK, MV> descriptor) {
                return named.get(descriptor, false);
            }

            @Override
            public TimeDomain timeDomain() {
                return domain;
            }
        };
        broadcastCtx = fn.new Context() {
            @Override
            public long timestamp() {
                return timestamp;
            }

            @Override
            public <X> void output(OutputTag<X> tag, X value) {
                output.collect(tag, value, timestamp);
            }

            @Override
            public <MK, MV> BroadcastState<MK, MV> getBroadcastState(MapStateDescriptor<MK, MV> descriptor) {
                return named.get(descriptor, true);
            }

            @Override
            protected <S> void applyToKeyedState(String stateName, Function<RuntimeContext, S> open, Predicate<S> present,
                                                 KeyedStateFunction<K, S> f) throws Exception {
                applyToEveryKey(open, present, f);
            }
        };
        openFunction(fn);
    }

    @SuppressWarnings("unchecked")
    private <S> void applyToEveryKey(Function<RuntimeContext, S> open, Predicate<S> present, KeyedStateFunction<K, S> f) throws Exception {
        S state = open.apply(runtimeContext); // handles read the current key, so one serves every key
        for (Object key : seenKeys) {
            keys.setCurrentKey(key);
            if (present.test(state)) f.process((K) key, state);
        }
    }

    @Override
    public void processElement1(I value, long ts) throws Exception {
        setKeyOf(keySelector, value);
        seenKeys.add(keys.currentKey());
        timestamp = ts;
        fn.processElement(value, keyedCtx, collector.at(ts));
    }

    @Override
    public void processElement2(B value, long ts) throws Exception {
        timestamp = ts;
        fn.processBroadcastElement(value, broadcastCtx, collector.at(ts));
    }

    @Override
    protected void onEventTime(TimerEntry timer) throws Exception {
        timestamp = timer.time();
        domain = TimeDomain.EVENT_TIME;
        fn.onTimer(timer.time(), keyedCtx, collector.at(timer.time()));
    }

    @Override
    protected void onProcessingTime(TimerEntry timer) throws Exception {
        timestamp = Long.MIN_VALUE;
        domain = TimeDomain.PROCESSING_TIME;
        fn.onTimer(timer.time(), keyedCtx, collector.at(Long.MIN_VALUE));
    }

    @Override
    public void snapshotState(OperatorSnapshot snapshot) throws Exception {
        super.snapshotState(snapshot);
        if (!seenKeys.isEmpty()) snapshot.put(KEYS_PART, new ArrayList<>(seenKeys));
    }

    @Override
    public void restoreState(OperatorRestore restore) throws Exception {
        super.restoreState(restore);
        int first = keys.firstKeyGroup();
        int end = first + keys.keyGroupCount();
        for (List<Object> earlier : restore.<List<Object>>all(KEYS_PART)) {
            for (Object key : earlier) {
                int kg = KeyGroups.keyGroupOf(key, context.maxParallelism());
                if (kg >= first && kg < end) seenKeys.add(key);
            }
        }
    }

    @Override
    public void close() throws Exception {
        closeFunction(fn);
    }
}
