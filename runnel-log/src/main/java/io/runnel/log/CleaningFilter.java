package io.runnel.log;

import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.common.record.internal.ControlRecordType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.RecordBatch;

/**
 * Kafka's cleaning rules, as the filter {@link MemoryRecords#filterTo} applies batch by batch in
 * offset order over one cleaning pass:
 * <ul>
 *   <li>a keyed record is kept unless the {@link OffsetMap} holds a later offset for its key;
 *       records at or past the map's end are kept as they are; keyless records are dropped;</li>
 *   <li>a tombstone (null value) is kept until its batch's delete horizon passes; the first pass that
 *       keeps it sets the horizon to now + {@code delete.retention.ms} (filterTo writes it);</li>
 *   <li>data of aborted transactions is dropped;</li>
 *   <li>a transaction marker is kept while any batch of its transaction remains; once none does, it
 *       gets a delete horizon like a tombstone, and is dropped after it;</li>
 *   <li>the last batch of each producer is kept (emptied if need be) so its sequence and epoch survive.</li>
 * </ul>
 */
final class CleaningFilter extends MemoryRecords.RecordFilter {
    private final OffsetMap map;
    private final long mapEnd;
    private final TransactionScan txns;
    /** Producers with a transactional batch seen in this pass and no marker yet. */
    private final Set<Long> ongoing = new HashSet<>();
    private final java.util.List<Long> removedAbortMarkers = new java.util.ArrayList<>(); // rare: one per aborted txn
    private boolean discardBatchRecords;

    CleaningFilter(long nowMs, long deleteRetentionMs, OffsetMap map, long mapEnd, TransactionScan txns) {
        super(nowMs, deleteRetentionMs);
        this.map = map;
        this.mapEnd = mapEnd;
        this.txns = txns;
    }

    @Override
    protected BatchRetentionResult checkBatchRetention(RecordBatch batch) {
        long producerId = batch.producerId();
        boolean canDiscard;
        if (batch.isControlBatch()) {
            canDiscard = !ongoing.remove(producerId);
            OptionalLong horizon = batch.deleteHorizonMs();
            discardBatchRecords = canDiscard && horizon.isPresent() && horizon.getAsLong() <= currentTime;
            if (discardBatchRecords && TransactionScan.controlType(batch) == ControlRecordType.ABORT) {
                removedAbortMarkers.add(batch.baseOffset());
            }
        } else {
            canDiscard = batch.isTransactional() && txns.isAborted(producerId, batch.baseOffset());
            if (batch.isTransactional()) {
                ongoing.add(producerId);
            }
            discardBatchRecords = canDiscard;
        }
        BatchRetention retention;
        if (batch.hasProducerId() && txns.isLastBatchOfProducer(producerId, batch.lastOffset())) {
            retention = BatchRetention.RETAIN_EMPTY;
        } else {
            retention = discardBatchRecords ? BatchRetention.DELETE : BatchRetention.DELETE_EMPTY;
        }
        return new BatchRetentionResult(retention, canDiscard && batch.isControlBatch());
    }

    @Override
    protected boolean shouldRetainRecord(RecordBatch batch, Record record) {
        if (discardBatchRecords) {
            return false;
        }
        if (batch.isControlBatch()) {
            return true;
        }
        long offset = record.offset();
        if (offset >= mapEnd) {
            return true;
        }
        if (!record.hasKey()) {
            return false;
        }
        if (map.get(record.key()) > offset) {
            return false;
        }
        if (!record.hasValue()) {
            OptionalLong horizon = batch.deleteHorizonMs();
            return horizon.isEmpty() || currentTime < horizon.getAsLong();
        }
        return true;
    }

    /** Offsets of abort markers this pass has dropped since the last call (their index entries must go). */
    long[] drainRemovedAbortMarkers() {
        long[] out = removedAbortMarkers.stream().mapToLong(Long::longValue).toArray();
        removedAbortMarkers.clear();
        return out;
    }
}
