package io.runnel.runtime.state;

import io.runnel.api.state.AggregatingState;
import io.runnel.api.state.AggregatingStateDescriptor;
import io.runnel.api.state.ListState;
import io.runnel.api.state.ListStateDescriptor;
import io.runnel.api.state.MapState;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.api.state.ReducingState;
import io.runnel.api.state.ReducingStateDescriptor;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;

/**
 * The keyed state of one operator instance: state handles that read the current key from
 * {@link #keys()}, and snapshots per key group so a restore may use another parallelism.
 * Every call comes from the task's thread, except {@link SnapshotPart#write} which runs on an
 * I/O thread while the task goes on.
 */
public interface KeyedStateBackend extends AutoCloseable {
    KeyContext keys();

    <T> ValueState<T> value(ValueStateDescriptor<T> d);

    <T> ListState<T> list(ListStateDescriptor<T> d);

    <K, V> MapState<K, V> map(MapStateDescriptor<K, V> d);

    <T> ReducingState<T> reducing(ReducingStateDescriptor<T> d);

    <I, A, O> AggregatingState<I, O> aggregating(AggregatingStateDescriptor<I, A, O> d);

    /**
     * Internal state per (key, namespace) for runtime operators (window contents, trigger state),
     * created on first use. {@code name} must start with an underscore, which user state names
     * cannot be confused with.
     */
    <V> NamespacedState<V> namespaced(String name);

    /**
     * The timers of one time domain ({@code name}: "event", "processing") of this operator
     * instance, kept per key group with the keyed state and snapshotted with it.
     */
    TimerQueue timers(String name);

    /**
     * The synchronous part of checkpoint {@code checkpointId}: cheap (a copy-on-write view, a
     * flush); the returned part writes the files later, off the task's thread.
     */
    SnapshotPart snapshot(long checkpointId) throws Exception;

    /**
     * As {@link #snapshot(long)}, knowing whether it is for a savepoint, which must be
     * self-contained: a backend with incremental checkpoints keeps its changes for the next one.
     */
    default SnapshotPart snapshot(long checkpointId, boolean savepoint) throws Exception {
        return snapshot(checkpointId);
    }

    /**
     * Loads what {@link SnapshotPart#write} returned in every subtask of an earlier run (of any
     * parallelism), keeping only this instance's key groups. {@code baseDir} is the directory of
     * the checkpoint the handles belong to; relative paths in handles resolve against it.
     */
    void restore(Path baseDir, List<Serializable> handles) throws Exception;

    /**
     * How many keys hold a value in state {@code name} (0 for an unknown name); a map's entries
     * count once. May scan the whole state: for tests and tools, not per record.
     */
    long keyCount(String name);

    /** Checkpoint {@code checkpointId} completed: a backend may now release what only older ones needed. */
    default void notifyCheckpointComplete(long checkpointId) {}

    @Override
    default void close() throws Exception {}

    /** The asynchronous part of a snapshot. */
    @FunctionalInterface
    interface SnapshotPart {
        /** Writes the state under {@code target}; returns a serializable handle stored in the checkpoint's metadata. */
        Serializable write(SnapshotTarget target) throws Exception;
    }
}
