package io.runnel.log;

/**
 * What the {@link LogCleaner} needs from the layer that owns transactions (the broker): the last
 * stable offset bounds what may be cleaned (open transactions stay as they are), and the
 * aborted-transaction index must drop entries whose abort markers a cleaning is about to remove.
 */
public interface CleanerHooks {
    /** Without transactions: everything up to the log end is stable, nothing to tell. */
    CleanerHooks NONE = new CleanerHooks() {
    };

    /** The first offset that may belong to an undecided transaction (the log end if none). */
    default long lastStableOffset(PartitionLog log) {
        return log.logEndOffset();
    }

    /**
     * Called, before the cleaned segment is swapped in, with the offsets of abort markers it no longer
     * holds (no data of their transactions is left either). Must be durable when it returns.
     */
    default void abortMarkersRemoved(PartitionLog log, long[] markerOffsets) {
    }
}
