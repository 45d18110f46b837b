package io.runnel.runtime.state;

import java.nio.file.Path;

/**
 * Where one operator instance writes its part of a checkpoint. {@code dir} holds the files of this
 * checkpoint alone; {@code sharedDir} holds files several checkpoints may share (incremental
 * state), and is null for savepoints, which must be self-contained. {@code filePrefix} is unique
 * per operator instance (operator id and subtask).
 */
public record SnapshotTarget(long checkpointId, Path dir, Path sharedDir, String filePrefix) {
    public boolean selfContained() {
        return sharedDir == null;
    }
}
