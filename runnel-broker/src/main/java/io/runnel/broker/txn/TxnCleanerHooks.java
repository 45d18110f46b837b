package io.runnel.broker.txn;

import io.runnel.log.CleanerHooks;
import io.runnel.log.PartitionLog;

/**
 * Gives the log cleaner each partition's last stable offset (open transactions are not cleaned)
 * and removes aborted-transaction index entries whose markers the cleaner drops.
 */
public final class TxnCleanerHooks implements CleanerHooks {
    private final TxnPartitions partitions;

    public TxnCleanerHooks(TxnPartitions partitions) {
        this.partitions = partitions;
    }

    @Override
    public long lastStableOffset(PartitionLog log) {
        return partitions.get(log).lastStableOffset();
    }

    @Override
    public void abortMarkersRemoved(PartitionLog log, long[] markerOffsets) {
        partitions.get(log).abortMarkersRemoved(markerOffsets);
    }
}
