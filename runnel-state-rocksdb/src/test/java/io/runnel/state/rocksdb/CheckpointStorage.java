package io.runnel.state.rocksdb;

import io.runnel.runtime.state.KeyContext;
import io.runnel.runtime.state.KeyGroups;
import io.runnel.runtime.state.KeyedStateBackend;
import io.runnel.runtime.state.SnapshotTarget;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * Checkpoint storage laid out as the coordinator does: {@code <root>/chk-<n>/} per checkpoint and
 * {@code <root>/shared/} for files several checkpoints share. Handles go through Java
 * serialization, as they do into the checkpoint metadata.
 */
final class CheckpointStorage {
    private final Path root;

    CheckpointStorage(Path root) {
        this.root = root;
    }

    Path checkpointDir(long id) {
        return root.resolve("chk-" + id);
    }

    Path sharedDir() {
        return root.resolve("shared");
    }

    SnapshotTarget target(long id, String prefix) {
        return new SnapshotTarget(id, checkpointDir(id), sharedDir(), prefix);
    }

    /** Snapshot (synchronous part) then write (asynchronous part) of checkpoint {@code id}. */
    Serializable checkpoint(KeyedStateBackend backend, long id, String prefix) throws Exception {
        return roundTrip(backend.snapshot(id).write(target(id, prefix)));
    }

    static Serializable savepoint(KeyedStateBackend backend, long id, Path dir, String prefix) throws Exception {
        return roundTrip(backend.snapshot(id).write(new SnapshotTarget(id, dir, null, prefix)));
    }

    static Serializable roundTrip(Serializable handle) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(handle);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (Serializable) in.readObject();
        }
    }

    /** The key context of {@code subtask} at {@code parallelism}. */
    static KeyContext keyContext(int subtask, int maxParallelism, int parallelism) {
        return new KeyContext(maxParallelism, KeyGroups.firstKeyGroup(subtask, maxParallelism, parallelism),
                KeyGroups.endKeyGroup(subtask, maxParallelism, parallelism));
    }
}
