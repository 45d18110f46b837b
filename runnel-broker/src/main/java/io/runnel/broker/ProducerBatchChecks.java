package io.runnel.broker;

import org.apache.kafka.common.record.internal.RecordBatch;

/**
 * Header checks of a producer's batch that the CRC cannot catch (it covers whatever the client
 * wrote): a producer batch holds exactly one record per offset, at least one. The log checks the
 * weaker rule that also holds for compacted batches (never more records than offsets).
 */
final class ProducerBatchChecks {
    private ProducerBatchChecks() {
    }

    /** Why the batch cannot be accepted from a producer, or null if it can. */
    static String problem(RecordBatch batch) {
        Integer count = batch.countOrNull();
        long offsets = batch.lastOffset() - batch.baseOffset() + 1;
        if (count == null || count < 1) {
            return "a producer batch needs at least one record, it declares " + count;
        }
        if (count != offsets) {
            return "record count " + count + " does not match lastOffsetDelta + 1 = " + offsets;
        }
        return null;
    }
}
