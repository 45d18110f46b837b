package io.runnel.runtime.checkpoint;

/**
 * A task as the coordinator sees it: sources take triggers (also after they finished); every task
 * hears of completions, and of the job's end (its final checkpoint completed), until which a task
 * that has finished stays to acknowledge checkpoints.
 */
public interface CheckpointParticipant {
    /** Only called on source tasks: inject barrier {@code checkpointId} at the next chance. */
    void triggerCheckpoint(long checkpointId, boolean savepoint);

    /** Checkpoint {@code checkpointId} completed; handled on the task's own thread later. */
    void notifyCheckpointComplete(long checkpointId);

    /** The final checkpoint completed: a task that has finished may end. */
    void jobFinished();

    boolean isSource();
}
