package io.runnel.runtime.checkpoint;

import io.runnel.runtime.operators.StreamOperator;
import io.runnel.runtime.state.KeyedStateBackend;
import io.runnel.runtime.state.SharedStateHandle;
import io.runnel.runtime.state.SnapshotTarget;
import io.runnel.runtime.state.StateSize;
import java.io.BufferedOutputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checkpointing part of one task: on the task's thread it takes each chained operator's
 * synchronous snapshot and hands the sinks' committables to the coordinator; on the I/O thread it
 * completes the asynchronous parts, writes one state file per operator and acknowledges.
 */
public final class TaskCheckpointer {
    private final CheckpointCoordinator coordinator;
    private final int attempt;
    private final int taskIndex;
    private final int subtask;
    private final List<StreamOperator<?>> operators;
    private final List<String> operatorIds;
    private final List<Integer> parallelism;

    public TaskCheckpointer(CheckpointCoordinator coordinator, int attempt, int taskIndex, int subtask,
                            List<StreamOperator<?>> operators, List<String> operatorIds, List<Integer> parallelism) {
        this.coordinator = coordinator;
        this.attempt = attempt;
        this.taskIndex = taskIndex;
        this.subtask = subtask;
        this.operators = operators;
        this.operatorIds = operatorIds;
        this.parallelism = parallelism;
    }

    public int attempt() {
        return attempt;
    }

    public CheckpointCoordinator coordinator() {
        return coordinator;
    }

    /**
     * Snapshots the chain for checkpoint {@code id}. {@code splits} are the source reader's splits
     * (keyed by the source's operator id), or empty for a task without a source.
     */
    public void snapshot(long id, boolean savepoint, long alignmentNanos, Map<String, List<Object>> splits,
                         Map<String, Integer> sourceParallelism) throws Exception {
        List<OperatorSnapshot> snaps = takeSnapshots(id, savepoint);
        coordinator.io().execute(() -> write(id, savepoint, alignmentNanos, snaps, splits, sourceParallelism));
    }

    /**
     * The synchronous part of checkpoint {@code id} now; the files are written once the returned
     * snapshot is completed with what the head operator's part must add (an unaligned checkpoint's
     * in-flight records, known only when the last barrier arrived).
     */
    public Deferred snapshotDeferred(long id) throws Exception {
        return new Deferred(id, takeSnapshots(id, false));
    }

    /** A snapshot whose writing waits for a last part of the head operator. */
    public final class Deferred {
        private final long id;
        private final List<OperatorSnapshot> snaps;

        private Deferred(long id, List<OperatorSnapshot> snaps) {
            this.id = id;
            this.snaps = snaps;
        }

        public long checkpointId() {
            return id;
        }

        /** Adds {@code part} to the head operator's snapshot and writes the snapshot off the task's thread. */
        public void complete(long alignmentNanos, String name, Serializable part) {
            snaps.get(0).put(name, part);
            coordinator.io().execute(() -> write(id, false, alignmentNanos, snaps, Map.of(), Map.of()));
        }
    }

    private List<OperatorSnapshot> takeSnapshots(long id, boolean savepoint) throws Exception {
        List<OperatorSnapshot> snaps = new ArrayList<>(operators.size());
        for (int i = 0; i < operators.size(); i++) {
            StreamOperator<?> op = operators.get(i);
            OperatorSnapshot s = new OperatorSnapshot(id, savepoint);
            try {
                op.snapshotState(s);
            } catch (Exception | Error e) {
                throw op.context().failure(e);
            }
            if (!s.committables.isEmpty()) coordinator.addCommittables(attempt, id, operatorIds.get(i), s.committables);
            snaps.add(s);
        }
        return snaps;
    }

    private void write(long id, boolean savepoint, long alignmentNanos, List<OperatorSnapshot> snaps,
                       Map<String, List<Object>> splits, Map<String, Integer> sourceParallelism) {
        Path dir = coordinator.directoryOf(attempt, id);
        if (dir == null) return; // aborted, or an earlier attempt
        try {
            Map<String, String> files = new HashMap<>();
            Map<String, Integer> par = new LinkedHashMap<>(sourceParallelism);
            List<String> shared = new ArrayList<>();
            long full = 0, inc = 0;
            // savepoints, and checkpoints with incremental ones off, are self-contained
            Path sharedDir = savepoint || !coordinator.incremental() ? null : coordinator.storage().sharedDir();
            for (int i = 0; i < snaps.size(); i++) {
                String opId = operatorIds.get(i);
                par.put(opId, parallelism.get(i));
                OperatorSnapshot s = snaps.get(i);
                if (s.isEmpty()) continue;
                String prefix = opId + "-" + subtask;
                SnapshotTarget target = new SnapshotTarget(id, dir, sharedDir, prefix);
                LinkedHashMap<String, Object> parts = new LinkedHashMap<>();
                for (Map.Entry<String, Object> e : s.parts.entrySet()) {
                    Object v = e.getValue();
                    if (v instanceof KeyedStateBackend.SnapshotPart part) v = part.write(target);
                    if (v instanceof SharedStateHandle h) shared.addAll(h.sharedFiles());
                    if (v instanceof StateSize size) {
                        full += size.fullBytes();
                        inc += size.incrementalBytes();
                    }
                    parts.put(e.getKey(), v);
                }
                String name = prefix + ".state";
                Path file = dir.resolve(name);
                try (OutputStream fo = Files.newOutputStream(file); ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(fo, 1 << 16))) {
                    out.writeObject(parts);
                }
                CheckpointStorage.force(file);
                long bytes = Files.size(file);
                full += bytes;
                inc += bytes;
                files.put(opId, name);
            }
            coordinator.acknowledge(attempt, id, taskIndex, new TaskAck(subtask, files, par, splits, shared, full, inc, alignmentNanos));
        } catch (Throwable t) {
            coordinator.decline(attempt, id, t);
        }
    }

    /** The task reached the end of its input and flushed its output; it keeps acknowledging checkpoints. */
    public void finished() {
        coordinator.taskFinished(attempt, taskIndex);
    }

    /** Tells the chain's operators that checkpoint {@code id} completed. */
    public void notifyComplete(long id) throws Exception {
        for (StreamOperator<?> op : operators) {
            try {
                op.notifyCheckpointComplete(id);
            } catch (Exception | Error e) {
                throw op.context().failure(e);
            }
        }
    }

    /** Values of one source's splits for an acknowledgement. */
    public static Map<String, List<Object>> splits(String sourceId, List<? extends Serializable> splits) {
        return Map.of(sourceId, new ArrayList<>(splits));
    }
}
