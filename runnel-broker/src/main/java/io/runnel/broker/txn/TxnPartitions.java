package io.runnel.broker.txn;

import io.runnel.log.PartitionLog;
import java.util.concurrent.ConcurrentHashMap;

/** Transaction state per partition, loaded on first use: a scan of the log's batch headers plus the aborted index. A partition
 * this broker appends to is loaded by its first append, so only logs found on disk at start are
 * scanned. */
public final class TxnPartitions {
    private final ConcurrentHashMap<PartitionLog, TxnPartitionState> states = new ConcurrentHashMap<>();

    public TxnPartitionState get(PartitionLog log) {
        return states.computeIfAbsent(log, TxnPartitionState::new);
    }

    /** Whether the partition's state is loaded (its scan done). */
    public boolean loaded(PartitionLog log) {
        return states.containsKey(log);
    }

    public void forget(PartitionLog log) {
        states.remove(log);
    }
}
