package io.runnel.broker.txn;

import io.runnel.log.BatchDescriptor;
import io.runnel.log.LogSlice;
import io.runnel.log.PartitionLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.record.internal.ControlRecordType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.RecordBatch;

/**
 * Rebuilds a partition's transaction state from its whole log (batch headers; only marker batches
 * are read in full): the transactions still open, and every aborted one. The log is the truth: an
 * abort whose index entry was lost in a crash, or an open transaction older than any recent tail,
 * is found all the same. Costs one header read per batch at the partition's first transactional use.
 */
final class TxnStateScan {
    /** Producer id to the first offset of its open transaction. */
    final Map<Long, Long> open = new HashMap<>();
    final List<AbortedTxnIndex.Entry> aborted = new ArrayList<>();

    private TxnStateScan() {
    }

    static TxnStateScan of(PartitionLog log) {
        TxnStateScan scan = new TxnStateScan();
        List<long[]> markers = new ArrayList<>(); // producer id, marker offset, first offset (or -1)
        log.forEachBatchHeader(log.logStartOffset(), h -> {
            if (!BatchDescriptor.isTransactional(h, 0)) {
                return;
            }
            long producerId = BatchDescriptor.producerId(h, 0);
            if (BatchDescriptor.isControl(h, 0)) {
                Long first = scan.open.remove(producerId);
                markers.add(new long[] {producerId, BatchDescriptor.baseOffset(h, 0), first == null ? -1 : first});
            } else {
                scan.open.putIfAbsent(producerId, BatchDescriptor.baseOffset(h, 0));
            }
        });
        for (long[] m : markers) {
            if (m[2] >= 0 && isAbort(log, m[1])) {
                scan.aborted.add(new AbortedTxnIndex.Entry(m[0], m[2], m[1]));
            }
        }
        return scan;
    }

    /** Whether the control batch at {@code offset} is an abort marker (its record's key says). */
    private static boolean isAbort(PartitionLog log, long offset) {
        LogSlice slice = log.read(offset, 512);
        for (RecordBatch batch : MemoryRecords.readableRecords(slice.readFully()).batches()) {
            for (Record r : batch) {
                return ControlRecordType.parse(r.key()) == ControlRecordType.ABORT;
            }
        }
        return false;
    }
}
