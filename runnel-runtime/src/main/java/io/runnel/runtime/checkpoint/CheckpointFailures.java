package io.runnel.runtime.checkpoint;

import java.util.ArrayDeque;

/**
 * Counts checkpoints that failed in a row (reset when one completes) against the tolerable number,
 * remembering the last few with their reasons so the job's failure can name them.
 */
final class CheckpointFailures {
    private static final int NAMED = 5;
    private final int tolerable;
    private final ArrayDeque<String> recent = new ArrayDeque<>();
    private int inARow;

    CheckpointFailures(int tolerable) {
        this.tolerable = tolerable;
    }

    /** Records a failure; returns the job's failure when more than the tolerable number failed in a row, else null. */
    IllegalStateException failed(long id, String reason) {
        inARow++;
        recent.addLast("checkpoint " + id + " (" + reason + ")");
        while (recent.size() > NAMED) recent.pollFirst();
        if (inARow <= tolerable) return null;
        IllegalStateException e = new IllegalStateException(inARow + " checkpoint(s) failed in a row, more than the " + tolerable
                + " tolerated (CheckpointConfig.setTolerableFailures): " + String.join("; ", recent));
        succeeded(); // the next attempt starts with a clean count
        return e;
    }

    void succeeded() {
        inARow = 0;
        recent.clear();
    }
}
