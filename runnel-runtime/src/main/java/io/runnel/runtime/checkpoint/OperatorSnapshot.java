package io.runnel.runtime.checkpoint;

import io.runnel.runtime.state.KeyedStateBackend;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one operator instance contributes to a checkpoint, filled in by the operator on the task's
 * thread: named parts that are cheap frozen views or small values, and asynchronous parts that an
 * I/O thread completes. Committables (of a two-phase-commit sink) go into the checkpoint's
 * metadata rather than the state file, so the coordinator can commit them.
 */
public final class OperatorSnapshot {
    private final long checkpointId;
    private final boolean savepoint;
    final Map<String, Object> parts = new LinkedHashMap<>();
    final List<Object> committables = new ArrayList<>();

    public OperatorSnapshot(long checkpointId, boolean savepoint) {
        this.checkpointId = checkpointId;
        this.savepoint = savepoint;
    }

    public long checkpointId() {
        return checkpointId;
    }

    public boolean savepoint() {
        return savepoint;
    }

    /** A part whose value is serialized off the task's thread: it must not change afterwards. */
    public void put(String name, Serializable value) {
        parts.put(name, value);
    }

    /** A part completed by an I/O thread (a state backend's files). */
    public void putAsync(String name, KeyedStateBackend.SnapshotPart part) {
        parts.put(name, part);
    }

    public void addCommittables(java.util.Collection<?> c) {
        committables.addAll(c);
    }

    /** The parts put so far, by name (values or asynchronous parts). */
    public Map<String, Object> parts() {
        return parts;
    }

    public List<Object> committables() {
        return committables;
    }

    boolean isEmpty() {
        return parts.isEmpty();
    }
}
