package io.runnel.broker.txn;

import io.runnel.log.PartitionLog;
import java.util.concurrent.ConcurrentHashMap;

/** Transaction state per partition, loaded on first use (a tail scan plus the aborted index). */
public final class TxnPartitions {
    private final ConcurrentHashMap<PartitionLog, TxnPartitionState> states = new ConcurrentHashMap<>();

    public TxnPartitionState get(PartitionLog log) {
        return states.computeIfAbsent(log, TxnPartitionState::new);
    }

    public void forget(PartitionLog log) {
        states.remove(log);
    }
}
