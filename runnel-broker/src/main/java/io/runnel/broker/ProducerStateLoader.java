package io.runnel.broker;

import io.runnel.log.LogSlice;
import io.runnel.log.PartitionLog;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds idempotent-producer state from the recent tail of a partition (batch headers only; the
 * records are not decompressed), so a producer retrying across a broker restart is still
 * deduplicated. Producers whose last batch lies before the scanned tail are treated as new, as
 * Kafka does for expired producer ids.
 */
final class ProducerStateLoader {
    /** How much of the active segment's tail is scanned. */
    static final long TAIL_BYTES = 16L * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(ProducerStateLoader.class);
    private static final int READ_BYTES = 1 << 20;

    private ProducerStateLoader() {
    }

    static ProducerStates load(PartitionLog log) {
        ProducerStates states = new ProducerStates();
        long offset = log.tailStartOffset(TAIL_BYTES);
        long end = log.logEndOffset();
        int batches = 0;
        while (offset < end) {
            LogSlice slice = log.read(offset, READ_BYTES);
            long next = offset;
            for (RecordBatch b : MemoryRecords.readableRecords(slice.readFully()).batches()) {
                if (b.lastOffset() >= offset && b.hasProducerId() && !b.isControlBatch()) {
                    states.record(b.producerId(), b.producerEpoch(), new ProducerStates.BatchMeta(b.baseSequence(),
                            b.lastSequence(), b.baseOffset(), b.lastOffset()));
                    batches++;
                }
                next = Math.max(next, b.lastOffset() + 1);
            }
            if (next == offset) {
                break;
            }
            offset = next;
        }
        if (batches > 0) {
            LOG.debug("Rebuilt producer state of {} from {} recent batches", log, batches);
        }
        return states;
    }
}
