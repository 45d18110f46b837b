package io.runnel.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.record.internal.ControlRecordType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.RecordBatch;

/**
 * What the cleaner must know about producers before it rewrites a partition, from one pass over
 * every batch header of the log (control batches are read whole, they are tiny): which
 * transactions were aborted (their data is removed), and the last batch of each producer (kept,
 * possibly emptied, so its sequence number and epoch survive, as Kafka's cleaner does).
 */
final class TransactionScan {
    /** Producer id to (first offset of an aborted transaction to the offset of its abort marker). */
    private final Map<Long, TreeMap<Long, Long>> aborted = new HashMap<>();
    /** Producer id to the last offset of its last batch in the log. */
    private final Map<Long, Long> lastBatch = new HashMap<>();

    /** Scans {@code segments} (in offset order) up to their sizes at the time of the call. */
    static TransactionScan of(List<LogSegment> segments) throws IOException {
        TransactionScan scan = new TransactionScan();
        Map<Long, Long> openTxnFirst = new HashMap<>();
        ByteBuffer header = ByteBuffer.allocate(BatchDescriptor.HEADER_SIZE);
        for (LogSegment segment : segments) {
            int end = segment.size();
            int pos = 0;
            while (pos + BatchDescriptor.HEADER_SIZE <= end) {
                header.clear();
                segment.readAt(header, pos);
                int size = BatchDescriptor.totalSize(header, 0);
                scan.onBatch(segment, header, pos, size, openTxnFirst);
                pos += size;
            }
        }
        return scan;
    }

    private void onBatch(LogSegment segment, ByteBuffer header, int pos, int size, Map<Long, Long> openTxnFirst)
            throws IOException {
        long producerId = BatchDescriptor.producerId(header, 0);
        if (producerId < 0) {
            return;
        }
        long base = BatchDescriptor.baseOffset(header, 0);
        lastBatch.put(producerId, BatchDescriptor.lastOffset(header, 0));
        if (!BatchDescriptor.isTransactional(header, 0)) {
            return;
        }
        if (!BatchDescriptor.isControl(header, 0)) {
            openTxnFirst.putIfAbsent(producerId, base);
            return;
        }
        Long first = openTxnFirst.remove(producerId);
        if (first != null && controlType(segment, pos, size) == ControlRecordType.ABORT) {
            aborted.computeIfAbsent(producerId, k -> new TreeMap<>()).put(first, base);
        }
    }

    /** The type of the control batch at {@code pos}, or UNKNOWN if it has no record (emptied by a cleaning). */
    static ControlRecordType controlType(LogSegment segment, int pos, int size) throws IOException {
        ByteBuffer batch = ByteBuffer.allocate(size);
        segment.readAt(batch, pos);
        batch.flip();
        return controlType(MemoryRecords.readableRecords(batch).batches().iterator().next());
    }

    static ControlRecordType controlType(RecordBatch batch) {
        Iterator<Record> records = batch.iterator();
        return records.hasNext() ? ControlRecordType.parse(records.next().key()) : ControlRecordType.UNKNOWN;
    }

    /** Whether a transactional data batch of {@code producerId} at {@code baseOffset} is aborted data. */
    boolean isAborted(long producerId, long baseOffset) {
        TreeMap<Long, Long> txns = aborted.get(producerId);
        if (txns == null) {
            return false;
        }
        Map.Entry<Long, Long> e = txns.floorEntry(baseOffset);
        return e != null && baseOffset < e.getValue();
    }

    /** Whether the batch ending at {@code lastOffset} is the producer's last in the log. */
    boolean isLastBatchOfProducer(long producerId, long lastOffset) {
        Long last = lastBatch.get(producerId);
        return last != null && last == lastOffset;
    }
}
