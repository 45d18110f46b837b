package io.runnel.runtime.state;

import io.runnel.api.state.AggregatingState;
import io.runnel.api.state.AggregatingStateDescriptor;
import io.runnel.api.state.ListState;
import io.runnel.api.state.ListStateDescriptor;
import io.runnel.api.state.MapState;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.api.state.ReducingState;
import io.runnel.api.state.ReducingStateDescriptor;
import io.runnel.api.state.State;
import io.runnel.api.state.StateDescriptor;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Keyed state of one operator instance, on the heap. Each named state is a {@link StateTable};
 * handles are created once per name and read the current key from the {@link KeyContext}.
 * Checkpoints are incremental unless turned off ({@link HeapChainWriter}); savepoints and
 * checkpoints into a self-contained target are written in full into the state file.
 */
public final class HeapKeyedStateBackend implements KeyedStateBackend {
    private final KeyContext keys;
    private final LongSupplier clock;
    private final Map<String, StateTable> tables = new HashMap<>();
    private final Map<String, State> handles = new HashMap<>();
    private final Map<String, Class<?>> kinds = new HashMap<>();
    /** The TTL of each state that has one. */
    private final Map<String, Ttl> ttls = new HashMap<>();
    private final List<Ttl> everyRecord = new java.util.ArrayList<>();

    private final Map<String, Object> internals = new HashMap<>();
    private static final String TIMERS_PREFIX = "_timers/";
    /** Deltas a key group may chain on its base by default (see {@link HeapChainWriter#limit}). */
    public static final int DEFAULT_MAX_DELTAS = 32;
    /** The chains of incremental checkpoints; null when checkpoints are written in full. */
    private final HeapChainWriter chains;

    public HeapKeyedStateBackend(KeyContext keys, LongSupplier processingClock) {
        this(keys, processingClock, DEFAULT_MAX_DELTAS);
    }

    /** {@code maxDeltas}: deltas a key group chains before it writes a base again; 0 writes every checkpoint in full. */
    public HeapKeyedStateBackend(KeyContext keys, LongSupplier processingClock, int maxDeltas) {
        if (maxDeltas < 0) throw new IllegalArgumentException("max deltas must not be negative, got " + maxDeltas);
        this.keys = keys;
        this.clock = processingClock;
        this.chains = maxDeltas == 0 ? null : new HeapChainWriter(maxDeltas, keys.firstKeyGroup());
    }

    private StateTable newTable(String name) {
        return new StateTable(keys, chains != null);
    }

    @Override
    public KeyContext keys() {
        return keys;
    }

    public Map<String, StateTable> tables() {
        return tables;
    }

    @SuppressWarnings("unchecked")
    @Override
    public <T> ValueState<T> value(ValueStateDescriptor<T> d) {
        return (ValueState<T>) handle(d, ValueState.class, () -> new HeapValueState<>(table(d), ttl(d, Ttl.Shape.VALUE), d.defaultValue()));
    }

    @SuppressWarnings("unchecked")
    @Override
    public <T> ListState<T> list(ListStateDescriptor<T> d) {
        return (ListState<T>) handle(d, ListState.class, () -> new HeapListState<>(table(d), ttl(d, Ttl.Shape.LIST)));
    }

    @SuppressWarnings("unchecked")
    @Override
    public <K, V> MapState<K, V> map(MapStateDescriptor<K, V> d) {
        return (MapState<K, V>) handle(d, MapState.class, () -> new HeapMapState<>(table(d), ttl(d, Ttl.Shape.MAP)));
    }

    @SuppressWarnings("unchecked")
    @Override
    public <T> ReducingState<T> reducing(ReducingStateDescriptor<T> d) {
        return (ReducingState<T>) handle(d, ReducingState.class, () -> new HeapReducingState<>(table(d), ttl(d, Ttl.Shape.VALUE), d.reducer()));
    }

    @SuppressWarnings("unchecked")
    @Override
    public <I, A, O> AggregatingState<I, O> aggregating(AggregatingStateDescriptor<I, A, O> d) {
        return (AggregatingState<I, O>) handle(d, AggregatingState.class, () -> new HeapAggregatingState<>(table(d), ttl(d, Ttl.Shape.VALUE), d.aggregate()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> NamespacedState<V> namespaced(String name) {
        return (NamespacedState<V>) internal(name, NamespacedState.class, () -> new HeapNamespacedState<>(tables.computeIfAbsent(name, this::newTable), keys));
    }

    @Override
    public TimerQueue timers(String name) {
        return (TimerQueue) internal(TIMERS_PREFIX + name, TimerQueue.class,
                () -> new HeapTimerQueue(tables.computeIfAbsent(TIMERS_PREFIX + name, this::newTable), keys));
    }

    /**
     * The table of an operator's internal state {@code name}, for a heap-specific layout (the
     * slicing window operator keeps each key's slices as one value). Snapshotted and restored
     * with every other table.
     */
    public StateTable internalTable(String name) {
        return (StateTable) internal(name, StateTable.class, () -> tables.computeIfAbsent(name, this::newTable));
    }

    private Object internal(String name, Class<?> kind, java.util.function.Supplier<Object> create) {
        InternalNames.check(name);
        Class<?> existing = kinds.putIfAbsent(name, kind);
        if (existing != null && existing != kind) {
            throw new IllegalStateException("internal state '" + name + "' is already registered as " + existing.getSimpleName());
        }
        return internals.computeIfAbsent(name, n -> create.get());
    }

    private State handle(StateDescriptor d, Class<?> kind, java.util.function.Supplier<State> create) {
        Class<?> existing = kinds.putIfAbsent(d.name(), kind);
        if (existing != null && existing != kind) {
            throw new IllegalStateException("state '" + d.name() + "' is already registered as " + existing.getSimpleName()
                    + ", not " + kind.getSimpleName());
        }
        return handles.computeIfAbsent(d.name(), n -> create.get());
    }

    private StateTable table(StateDescriptor d) {
        return tables.computeIfAbsent(d.name(), this::newTable);
    }

    private Ttl ttl(StateDescriptor d, Ttl.Shape shape) {
        Ttl ttl = new Ttl(d.ttl(), clock, shape, table(d));
        if (d.ttl().enabled()) {
            ttls.put(d.name(), ttl);
            if (d.ttl().incrementalCleanupSize() > 0 && d.ttl().cleanupOnEveryRecord()) {
                everyRecord.add(ttl);
                keys.afterKeySet(this::onRecord);
            }
        }
        return ttl;
    }

    /** The incremental TTL cleanup of the states that asked to run on every record (and timer). */
    private void onRecord() {
        for (int i = 0; i < everyRecord.size(); i++) everyRecord.get(i).onRecord();
    }

    @Override
    public long keyCount(String name) {
        StateTable t = tables.get(name);
        return t == null ? 0 : t.size();
    }

    @Override
    public SnapshotPart snapshot(long checkpointId) {
        return snapshot(checkpointId, false);
    }

    /**
     * Freezes every table (copy-on-write); the returned part writes them. Tables whose TTL asks
     * for full-snapshot cleanup leave out what has expired by now (and are written in full).
     * A checkpoint also takes each table's changes, so it may write only those.
     */
    @Override
    public SnapshotPart snapshot(long checkpointId, boolean savepoint) {
        long now = clock.getAsLong();
        Map<String, TableSnapshot> snaps = new java.util.LinkedHashMap<>();
        HeapStateHandle full = new HeapStateHandle(new java.util.LinkedHashMap<>());
        for (Map.Entry<String, StateTable> e : tables.entrySet()) {
            Ttl ttl = ttls.get(e.getKey());
            KeyGroupedSnapshot.ValueFilter filter = ttl != null && ttl.config().fullSnapshotCleanup() ? v -> ttl.live(v, now) : null;
            if (chains == null || savepoint) {
                full.tables().put(e.getKey(), e.getValue().snapshot(filter));
            } else {
                TableSnapshot t = e.getValue().checkpointSnapshot(filter);
                snaps.put(e.getKey(), t);
                full.tables().put(e.getKey(), t.frozen());
            }
        }
        if (snaps.isEmpty()) return target -> full;
        // a self-contained target (no shared directory, or none: an in-memory hand-over) gets the
        // full state; the chains then restart with bases
        return target -> target == null || target.selfContained() ? full : chains.write(target, snaps);
    }

    @Override
    public void restore(java.nio.file.Path baseDir, List<java.io.Serializable> handles) throws java.io.IOException {
        for (java.io.Serializable h : handles) {
            if (h instanceof HeapChainHandle chain) {
                try (HeapChainRestore r = new HeapChainRestore(baseDir, chain)) {
                    r.restoreInto(name -> tables.computeIfAbsent(name, this::newTable));
                    if (handles.size() == 1) resumeChains(chain, r);
                }
                continue;
            }
            if (!(h instanceof HeapStateHandle heap)) {
                throw new IllegalStateException("cannot restore heap state from a " + h.getClass().getSimpleName()
                        + " snapshot: the job was checkpointed with another state backend");
            }
            for (Map.Entry<String, KeyGroupedSnapshot> e : heap.tables().entrySet()) {
                tables.computeIfAbsent(e.getKey(), this::newTable).restore(e.getValue());
            }
        }
        for (Object o : internals.values()) if (o instanceof HeapTimerQueue q) q.reload();
    }

    /**
     * Restored from one chain handle of the same key groups (same parallelism): the next
     * checkpoint continues its chains instead of writing every group's base again.
     */
    private void resumeChains(HeapChainHandle h, HeapChainRestore r) {
        if (chains == null || h.firstKeyGroup() != keys.firstKeyGroup()) return;
        for (int[] bases : h.bases().values()) if (bases.length != keys.keyGroupCount()) return;
        Map<String, Integer> epochs = new HashMap<>();
        for (String name : h.bases().keySet()) epochs.put(name, tables.get(name).changesStartHere());
        chains.resume(r.sharedDir(), h.files(), r.chains(), epochs);
    }

    /** The heap backend's part of a checkpoint: every table's frozen key groups. */
    record HeapStateHandle(java.util.LinkedHashMap<String, KeyGroupedSnapshot> tables) implements java.io.Serializable {}
}
