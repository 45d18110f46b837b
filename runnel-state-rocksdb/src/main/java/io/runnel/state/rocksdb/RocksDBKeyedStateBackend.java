package io.runnel.state.rocksdb;

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
import io.runnel.runtime.state.InternalNames;
import io.runnel.runtime.state.KeyContext;
import io.runnel.runtime.state.NamespacedState;
import io.runnel.runtime.state.TimerQueue;
import io.runnel.runtime.state.KeyedStateBackend;
import io.runnel.state.rocksdb.snapshot.FileOps;
import io.runnel.state.rocksdb.snapshot.SnapshotWriter;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

/**
 * Keyed state of one operator instance in RocksDB: one column family per state name, keys
 * prefixed by their key group (layout in {@link StateBytesDescriptor}). Every access is a point
 * get, put or merge for the current key (map iteration scans the key's prefix).
 *
 * <p>Snapshots flush the memtables and hard-link the live files into a local checkpoint (the
 * synchronous part); the asynchronous part uploads only SST files that the last completed
 * checkpoint did not already upload. Timers are kept here too ({@link RocksDBTimerQueue}), with
 * a small heap cache of each key group's earliest ones.
 *
 * <p>{@code workDir} layout: {@code db/} (the live database), {@code checkpoints/chk-N/} (local
 * checkpoints until written), {@code restore-N/} (snapshot copies while restoring). All of it is
 * deleted on {@link #close()}.
 */
public final class RocksDBKeyedStateBackend implements KeyedStateBackend {
    private final KeyContext keys;
    private final LongSupplier clock;
    private final Path workDir;
    private final StateDatabase db;
    private final StateContext context;
    private final SnapshotWriter snapshots;
    private final Map<String, State> handles = new HashMap<>();
    private final Map<String, Class<?>> kinds = new HashMap<>();
    private final List<TtlSweeper> everyRecord = new java.util.ArrayList<>();
    /** States whose TTL asks for full-snapshot cleanup: swept entirely before each snapshot. */
    private final List<TtlSweeper> beforeSnapshot = new java.util.ArrayList<>();

    private final Map<String, RocksDBNamespacedState<?>> internals = new HashMap<>();
    private final Map<String, RocksDBTimerQueue> timerQueues = new HashMap<>();
    private boolean closed;

    public RocksDBKeyedStateBackend(KeyContext keys, LongSupplier processingClock, Path workDir) throws IOException, RocksDBException {
        int end = keys.firstKeyGroup() + keys.keyGroupCount();
        if (end > StateBytesDescriptor.MAX_KEY_GROUPS) {
            throw new IllegalArgumentException("RocksDB state supports at most " + StateBytesDescriptor.MAX_KEY_GROUPS
                    + " key groups (max parallelism), got key groups up to " + (end - 1));
        }
        this.keys = keys;
        this.clock = processingClock;
        this.workDir = workDir;
        Files.createDirectories(workDir);
        this.db = StateDatabase.open(workDir.resolve("db"));
        this.context = new StateContext(db, keys, processingClock);
        this.snapshots = new SnapshotWriter(keys.firstKeyGroup(), end);
    }

    @Override
    public KeyContext keys() {
        return keys;
    }

    @SuppressWarnings("unchecked")
    @Override
    public <T> ValueState<T> value(ValueStateDescriptor<T> d) {
        return (ValueState<T>) handle(d, ValueState.class, cf -> new RocksDBValueState<>(d.name(), cf, context, ttl(d), d.defaultValue()));
    }

    @SuppressWarnings("unchecked")
    @Override
    public <T> ListState<T> list(ListStateDescriptor<T> d) {
        return (ListState<T>) handle(d, ListState.class, cf -> new RocksDBListState<>(d.name(), cf, context, ttl(d)));
    }

    @SuppressWarnings("unchecked")
    @Override
    public <K, V> MapState<K, V> map(MapStateDescriptor<K, V> d) {
        return (MapState<K, V>) handle(d, MapState.class, cf -> new RocksDBMapState<>(d.name(), cf, context, ttl(d)));
    }

    @SuppressWarnings("unchecked")
    @Override
    public <T> ReducingState<T> reducing(ReducingStateDescriptor<T> d) {
        return (ReducingState<T>) handle(d, ReducingState.class, cf -> new RocksDBReducingState<>(d.name(), cf, context, ttl(d), d.reducer()));
    }

    @SuppressWarnings("unchecked")
    @Override
    public <I, A, O> AggregatingState<I, O> aggregating(AggregatingStateDescriptor<I, A, O> d) {
        return (AggregatingState<I, O>) handle(d, AggregatingState.class,
                cf -> new RocksDBAggregatingState<>(d.name(), cf, context, ttl(d), d.aggregate()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> NamespacedState<V> namespaced(String name) {
        InternalNames.check(name);
        checkOpen();
        Class<?> existing = kinds.putIfAbsent(name, NamespacedState.class);
        if (existing != null && existing != NamespacedState.class) {
            throw new IllegalStateException("state '" + name + "' is already registered as " + existing.getSimpleName());
        }
        RocksDBNamespacedState<V> h = (RocksDBNamespacedState<V>) internals.get(name);
        if (h == null) {
            try {
                h = new RocksDBNamespacedState<>(name, db.family(name), context);
            } catch (RocksDBException e) {
                throw new IllegalStateException("cannot create column family for state '" + name + "' in " + workDir + ": " + e.getMessage(), e);
            }
            internals.put(name, h);
        }
        return h;
    }

    @Override
    public TimerQueue timers(String name) {
        checkOpen();
        String family = "_timers/" + name;
        RocksDBTimerQueue q = timerQueues.get(family);
        if (q == null) {
            Class<?> existing = kinds.putIfAbsent(family, TimerQueue.class);
            if (existing != null) throw new IllegalStateException("state '" + family + "' is already registered as " + existing.getSimpleName());
            try {
                q = new RocksDBTimerQueue(family, db.family(family), db, keys);
            } catch (RocksDBException e) {
                throw new IllegalStateException("cannot create column family for timers '" + family + "' in " + workDir + ": " + e.getMessage(), e);
            }
            timerQueues.put(family, q);
        }
        return q;
    }

    private interface StateFactory {
        State create(ColumnFamilyHandle cf);
    }

    private State handle(StateDescriptor d, Class<?> kind, StateFactory create) {
        checkOpen();
        Class<?> existing = kinds.putIfAbsent(d.name(), kind);
        if (existing != null && existing != kind) {
            throw new IllegalStateException("state '" + d.name() + "' is already registered as " + existing.getSimpleName()
                    + ", not " + kind.getSimpleName());
        }
        State h = handles.get(d.name());
        if (h == null) {
            try {
                h = create.create(db.family(d.name()));
            } catch (RocksDBException e) {
                throw new IllegalStateException("cannot create column family for state '" + d.name() + "' in " + workDir + ": " + e.getMessage(), e);
            }
            handles.put(d.name(), h);
            register((RocksDBState) h);
        }
        return h;
    }

    /** Hooks a TTL state's cleanup to every record and to snapshots, as its config asks. */
    private void register(RocksDBState state) {
        TtlSweeper sweeper = state.sweeper();
        if (sweeper == null) return;
        if (state.ttl.cleanupSize() > 0 && state.ttl.cleanupOnEveryRecord()) {
            everyRecord.add(sweeper);
            keys.afterKeySet(this::onRecord);
        }
        if (state.ttl.fullSnapshotCleanup()) beforeSnapshot.add(sweeper);
    }

    /** The incremental TTL cleanup of the states that asked to run on every record (and timer). */
    private void onRecord() {
        for (int i = 0; i < everyRecord.size(); i++) everyRecord.get(i).onAccess();
    }

    private static TtlPolicy ttl(StateDescriptor d) {
        return new TtlPolicy(d.ttl());
    }

    @Override
    public SnapshotPart snapshot(long checkpointId) throws Exception {
        checkOpen();
        // Flink's cleanupFullSnapshot leaves expired values out of the written snapshot; our
        // snapshot is the database's own files, so the values are deleted first (a full scan).
        for (TtlSweeper sweeper : beforeSnapshot) sweeper.sweepAll();
        flushCaches();
        Path local = workDir.resolve("checkpoints").resolve("chk-" + checkpointId);
        FileOps.deleteRecursively(local);
        Files.createDirectories(local.getParent());
        db.checkpointInto(local);
        return target -> snapshots.write(local, target);
    }

    @Override
    public void restore(Path baseDir, List<Serializable> handles) throws Exception {
        checkOpen();
        for (RocksDBNamespacedState<?> s : internals.values()) s.dropCache();
        new KeyGroupRestore(db, keys.firstKeyGroup(), keys.firstKeyGroup() + keys.keyGroupCount(), workDir).restore(baseDir, handles);
        for (RocksDBTimerQueue q : timerQueues.values()) q.reset();
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        snapshots.completed(checkpointId);
    }

    /**
     * Every key with a value in state {@code name}, once each (a map's entries count once), in
     * key-byte order. A full scan: for tests and tools, not per record.
     */
    List<Object> keysOf(String name) {
        checkOpen();
        flushCaches();
        try {
            return KeyScan.keys(db, db.family(name));
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot scan keys of state '" + name + "' in " + workDir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long keyCount(String name) {
        return db.stateFamilies().containsKey(name) ? keysOf(name).size() : 0;
    }

    /** Writes the namespaced states' cached values, before anything reads the database directly. */
    private void flushCaches() {
        for (RocksDBNamespacedState<?> s : internals.values()) s.flush();
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            try {
                flushCaches();
            } finally {
                db.close();
            }
        } finally {
            FileOps.deleteRecursively(workDir);
        }
    }

    private void checkOpen() {
        if (closed) throw new IllegalStateException("RocksDB state backend in " + workDir + " is closed");
    }
}
