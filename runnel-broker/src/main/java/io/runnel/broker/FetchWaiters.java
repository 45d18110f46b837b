package io.runnel.broker;

import io.runnel.log.PartitionLog;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetches parked until data arrives (long poll). A parked fetch registers a wake-up per partition;
 * an append to the partition runs the wake-ups registered for it. Each parked fetch belongs to one
 * connection, which handles one request at a time, so the number parked is bounded by connections.
 */
final class FetchWaiters {
    private final ConcurrentHashMap<PartitionLog, Set<Runnable>> waiters = new ConcurrentHashMap<>();

    void park(PartitionLog log, Runnable wakeUp) {
        waiters.computeIfAbsent(log, k -> ConcurrentHashMap.newKeySet()).add(wakeUp);
    }

    void unpark(PartitionLog log, Runnable wakeUp) {
        Set<Runnable> set = waiters.get(log);
        if (set != null) {
            set.remove(wakeUp);
        }
    }

    /** Runs (and forgets) every wake-up registered on {@code log}. */
    void onAppend(PartitionLog log) {
        Set<Runnable> set = waiters.get(log);
        if (set == null || set.isEmpty()) {
            return;
        }
        for (Runnable r : set.toArray(new Runnable[0])) {
            if (set.remove(r)) {
                r.run();
            }
        }
    }

    void forget(PartitionLog log) {
        waiters.remove(log);
    }
}
