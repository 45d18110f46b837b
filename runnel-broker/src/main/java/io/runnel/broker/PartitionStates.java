package io.runnel.broker;

import io.runnel.log.PartitionLog;
import java.util.concurrent.ConcurrentHashMap;

/** Broker-side state kept per partition log (idempotent producer state), dropped with the topic. */
final class PartitionStates {
    private final ConcurrentHashMap<PartitionLog, ProducerStates> producers = new ConcurrentHashMap<>();

    ProducerStates producers(PartitionLog log) {
        return producers.computeIfAbsent(log, ProducerStateLoader::load);
    }

    void forget(PartitionLog log) {
        producers.remove(log);
    }
}
