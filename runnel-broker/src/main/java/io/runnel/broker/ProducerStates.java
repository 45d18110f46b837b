package io.runnel.broker;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.protocol.Errors;

/**
 * Idempotent-producer state of one partition: per producer id, its epoch and the sequence ranges
 * and offsets of its last five batches (the most a producer has in flight), so a retried batch is
 * recognised and answered with its original offsets instead of being written twice. At most
 * {@link #MAX_PRODUCERS} producers are remembered (least recently used evicted). Guarded by the
 * partition's lock held by the caller. Rebuilt after a restart from the partition's recent batches
 * ({@link ProducerStateLoader}).
 */
final class ProducerStates {
    static final int MAX_PRODUCERS = 10_000;
    private static final int CACHED_BATCHES = 5;

    /** Sequences and offsets of one appended batch. */
    record BatchMeta(int firstSeq, int lastSeq, long firstOffset, long lastOffset) {
    }

    /** The outcome of a sequence check: proceed (both null), a duplicate, or an error. */
    record Check(Errors error, BatchMeta duplicate) {
        static final Check OK = new Check(null, null);
    }

    /** What DescribeProducers reports of one producer. */
    record Active(long producerId, short epoch, int lastSeq, long lastTimestamp, boolean transactional) {
    }

    private static final class Entry {
        short epoch;
        long lastTimestamp = -1;
        boolean transactional;
        final ArrayDeque<BatchMeta> batches = new ArrayDeque<>(CACHED_BATCHES);
    }

    private final Map<Long, Entry> producers = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Entry> eldest) {
            return size() > MAX_PRODUCERS;
        }
    };

    Check check(long producerId, short epoch, int firstSeq, int lastSeq) {
        Entry e = producers.get(producerId);
        if (e == null) {
            return Check.OK; // unknown producer (new, evicted or from before a restart): accept
        }
        if (epoch < e.epoch) {
            return new Check(Errors.INVALID_PRODUCER_EPOCH, null);
        }
        if (epoch > e.epoch) {
            return firstSeq == 0 ? Check.OK : new Check(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER, null);
        }
        for (BatchMeta b : e.batches) {
            if (b.firstSeq() == firstSeq && b.lastSeq() == lastSeq) {
                return new Check(null, b);
            }
        }
        BatchMeta last = e.batches.peekLast();
        int expected = last == null ? firstSeq : (last.lastSeq() == Integer.MAX_VALUE ? 0 : last.lastSeq() + 1);
        return firstSeq == expected ? Check.OK : new Check(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER, null);
    }

    /** Whether a transaction marker of this epoch may be written: not older than the producer's epoch. */
    Errors checkMarker(long producerId, short epoch) {
        Entry e = producers.get(producerId);
        return e != null && epoch < e.epoch ? Errors.INVALID_PRODUCER_EPOCH : Errors.NONE;
    }

    void record(long producerId, short epoch, BatchMeta batch) {
        record(producerId, epoch, batch, -1, false);
    }

    /** Records an appended batch with its max timestamp and whether it was transactional. */
    void record(long producerId, short epoch, BatchMeta batch, long maxTimestamp, boolean transactional) {
        Entry e = producers.computeIfAbsent(producerId, k -> new Entry());
        if (epoch != e.epoch) {
            e.epoch = epoch;
            e.batches.clear();
        }
        if (e.batches.size() == CACHED_BATCHES) {
            e.batches.pollFirst();
        }
        e.batches.addLast(batch);
        e.lastTimestamp = Math.max(e.lastTimestamp, maxTimestamp);
        e.transactional |= transactional;
    }

    /** The remembered producers, least recently appending first (a view must not reorder them). */
    java.util.List<Active> active() {
        java.util.List<Active> out = new java.util.ArrayList<>(producers.size());
        producers.forEach((id, e) -> {
            BatchMeta last = e.batches.peekLast();
            out.add(new Active(id, e.epoch, last == null ? -1 : last.lastSeq(), e.lastTimestamp, e.transactional));
        });
        return out;
    }
}
