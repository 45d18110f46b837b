package io.runnel.api.state;

/** What {@link CheckpointedFunction#snapshotState} is told about the checkpoint being taken. */
public interface FunctionSnapshotContext {
    long getCheckpointId();
}
