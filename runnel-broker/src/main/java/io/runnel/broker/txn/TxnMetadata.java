package io.runnel.broker.txn;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** One transactional id's state. Guarded by the coordinator's lock, except the volatile view fields. */
final class TxnMetadata {
    /** A partition by name (the durable form; resolved to a log when markers are written). */
    record Tp(String topic, int partition) {
    }

    final String transactionalId;
    volatile long producerId;
    volatile short epoch;
    int timeoutMs;
    volatile TxnState state = TxnState.EMPTY;
    /** Partitions in the current transaction; read lock-free by produce checks. */
    final Set<Tp> partitions = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Offsets committed in the current transaction, by group; applied on commit. */
    final Map<String, Map<io.runnel.broker.group.OffsetStore.TopicPartitionKey,
            io.runnel.broker.group.CommittedOffset>> offsets = new HashMap<>();
    long startMs;

    TxnMetadata(String transactionalId, long producerId, short epoch, int timeoutMs) {
        this.transactionalId = transactionalId;
        this.producerId = producerId;
        this.epoch = epoch;
        this.timeoutMs = timeoutMs;
    }

    Set<Tp> partitionsCopy() {
        return new LinkedHashSet<>(partitions);
    }
}
