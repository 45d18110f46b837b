package io.runnel.broker;

import io.runnel.log.BatchDescriptor;
import io.runnel.log.PartitionLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds idempotent-producer state from the recent tail of a partition (batch headers only, read
 * without the records), so a producer retrying across a broker restart is still
 * deduplicated. Producers whose last batch lies before the scanned tail are treated as new, as
 * Kafka does for expired producer ids.
 */
final class ProducerStateLoader {
    /** How much of the active segment's tail is scanned. */
    static final long TAIL_BYTES = 16L * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(ProducerStateLoader.class);

    private ProducerStateLoader() {
    }

    static ProducerStates load(PartitionLog log) {
        ProducerStates states = new ProducerStates();
        int[] batches = new int[1];
        log.forEachBatchHeader(log.tailStartOffset(TAIL_BYTES), h -> {
            long producerId = BatchDescriptor.producerId(h, 0);
            if (producerId >= 0 && !BatchDescriptor.isControl(h, 0)) {
                int first = BatchDescriptor.baseSequence(h, 0);
                int delta = h.getInt(BatchDescriptor.LAST_OFFSET_DELTA_OFFSET);
                int last = first > Integer.MAX_VALUE - delta ? delta - (Integer.MAX_VALUE - first) - 1 : first + delta;
                states.record(producerId, BatchDescriptor.producerEpoch(h, 0), new ProducerStates.BatchMeta(first, last,
                        BatchDescriptor.baseOffset(h, 0), BatchDescriptor.lastOffset(h, 0)),
                        BatchDescriptor.maxTimestamp(h, 0), BatchDescriptor.isTransactional(h, 0));
                batches[0]++;
            }
        });
        if (batches[0] > 0) {
            LOG.debug("Rebuilt producer state of {} from {} recent batches", log, batches[0]);
        }
        return states;
    }
}
