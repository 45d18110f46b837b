package io.runnel.runtime.checkpoint;

/** A task as the coordinator sees it: sources take triggers; every task hears of completions. */
public interface CheckpointParticipant {
    /** Only called on source tasks: inject barrier {@code checkpointId} at the next chance. */
    void triggerCheckpoint(long checkpointId, boolean savepoint);

    /** Checkpoint {@code checkpointId} completed; handled on the task's own thread later. */
    void notifyCheckpointComplete(long checkpointId);

    boolean isSource();
}
