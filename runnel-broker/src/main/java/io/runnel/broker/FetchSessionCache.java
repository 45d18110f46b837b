package io.runnel.broker;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * The incremental fetch sessions, at most {@code max.incremental.fetch.session.cache.slots}
 * (Kafka's name and default, 1000; 0 turns sessions off). When full, a new session may take the
 * place of the least recently used one if that has been idle at least {@link #EVICTION_MS} (Kafka's
 * minimum eviction age) or has fewer partitions than the new one; otherwise the fetch is served
 * without a session (id 0) and the client keeps sending full requests.
 */
final class FetchSessionCache {
    /** Kafka's min.incremental.fetch.session.eviction.ms. */
    static final long EVICTION_MS = 120_000;

    private final int maxSlots;
    private final LongSupplier clock;
    /** In access order: the first is the least recently used. */
    private final Map<Integer, FetchSession> sessions = new LinkedHashMap<>(16, 0.75f, true);
    private long evictions;

    FetchSessionCache(int maxSlots, LongSupplier clock) {
        if (maxSlots < 0) {
            throw new IllegalArgumentException("max.incremental.fetch.session.cache.slots=" + maxSlots
                    + " must be at least 0");
        }
        this.maxSlots = maxSlots;
        this.clock = clock;
    }

    long now() {
        return clock.getAsLong();
    }

    /** A new session for a full fetch of {@code targets}, or null if no slot can be had. */
    synchronized FetchSession create(List<FetchTarget> targets) {
        if (maxSlots == 0) {
            return null;
        }
        long now = clock.getAsLong();
        if (sessions.size() >= maxSlots && !evictFor(targets.size(), now)) {
            return null;
        }
        int id;
        do {
            id = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
        } while (sessions.containsKey(id));
        FetchSession s = new FetchSession(id, targets, now);
        sessions.put(id, s);
        return s;
    }

    private boolean evictFor(int newSize, long now) {
        Iterator<FetchSession> lru = sessions.values().iterator();
        FetchSession oldest = lru.next();
        if (now - oldest.lastUsedMs() >= EVICTION_MS || oldest.size() < newSize) {
            lru.remove();
            evictions++;
            return true;
        }
        return false;
    }

    /** The session with this id (marking it used), or null if unknown or evicted. */
    synchronized FetchSession get(int id) {
        return sessions.get(id);
    }

    synchronized void remove(int id) {
        sessions.remove(id);
    }

    synchronized int size() {
        return sessions.size();
    }

    synchronized long evictions() {
        return evictions;
    }
}
