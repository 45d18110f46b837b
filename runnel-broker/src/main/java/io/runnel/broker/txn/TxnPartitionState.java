package io.runnel.broker.txn;

import io.runnel.log.AppendResult;
import io.runnel.log.PartitionLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.record.internal.ControlRecordType;
import org.apache.kafka.common.record.internal.EndTransactionMarker;
import org.apache.kafka.common.record.internal.MemoryRecords;

/**
 * Transaction state of one partition: the first offset of each open transaction (which bounds the
 * last stable offset) and the aborted-transaction index. Mutated under the partition log's
 * monitor, the same lock appends take, so a marker is never written between a transactional
 * append's check and its write; the last stable offset is read without it.
 */
public final class TxnPartitionState {
    private final PartitionLog log;
    private final AbortedTxnIndex aborted;
    /** Producer id to the first offset of its open transaction here. */
    private final Map<Long, Long> open = new ConcurrentHashMap<>();

    TxnPartitionState(PartitionLog log) {
        this.log = log;
        this.aborted = new AbortedTxnIndex(log.dir(), log::logStartOffset);
        synchronized (log) {
            TxnStateScan scan = TxnStateScan.of(log);
            open.putAll(scan.open);
            aborted.replaceWith(scan.aborted);
        }
    }

    /**
     * The offset below which every transaction is decided. Lock-free: an open transaction is
     * registered before its first batch is appended, so reading the log end first and the open
     * transactions second never misses one.
     */
    public long lastStableOffset() {
        long lso = log.logEndOffset();
        for (long first : open.values()) {
            lso = Math.min(lso, first);
        }
        return lso;
    }

    /**
     * Registers a producer's transaction as open from {@code nextOffset} (the log end, where its
     * batch is about to be appended) unless it already is. The caller holds the log's monitor.
     */
    public void beforeTransactionalAppend(long producerId, long nextOffset) {
        open.putIfAbsent(producerId, nextOffset);
    }

    /** The first offset of the producer's open transaction here, or -1 if it has none. */
    public long openTransactionStart(long producerId) {
        Long first = open.get(producerId);
        return first == null ? -1 : first;
    }

    /** Appends a commit or abort marker for the producer and closes its open transaction here. */
    AppendResult writeMarker(long producerId, short epoch, boolean commit) {
        return writeMarker(producerId, epoch, commit, 0);
    }

    /**
     * As {@link #writeMarker(long, short, boolean)} with the coordinator epoch to stamp in the marker
     * (WriteTxnMarkers from an admin aborting a hanging transaction names it). The marker is
     * fsynced whatever the topic's flush policy: the coordinator writes COMPLETE after it, and
     * COMPLETE must not survive a crash its markers did not.
     */
    public AppendResult writeMarker(long producerId, short epoch, boolean commit, int coordinatorEpoch) {
        synchronized (log) {
            MemoryRecords marker = MemoryRecords.withEndTransactionMarker(System.currentTimeMillis(), producerId, epoch,
                    new EndTransactionMarker(commit ? ControlRecordType.COMMIT : ControlRecordType.ABORT,
                            coordinatorEpoch));
            AppendResult r = log.append(marker.buffer());
            log.flush();
            Long first = open.remove(producerId);
            if (!commit && first != null) {
                aborted.add(new AbortedTxnIndex.Entry(producerId, first, r.lastOffset()));
            }
            return r;
        }
    }

    /** Drops, durably, the aborted-index entries whose abort markers the log cleaner removes. */
    void abortMarkersRemoved(long[] markerOffsets) {
        synchronized (log) {
            aborted.removeByMarkerOffsets(markerOffsets);
        }
    }

    /** Aborted transactions overlapping [from, upTo), for a read-committed fetch. */
    public List<FetchResponseData.AbortedTransaction> abortedBetween(long from, long upTo) {
        List<AbortedTxnIndex.Entry> entries;
        synchronized (log) {
            entries = aborted.overlapping(from, upTo);
        }
        List<FetchResponseData.AbortedTransaction> out = new ArrayList<>(entries.size());
        entries.forEach(e -> out.add(new FetchResponseData.AbortedTransaction().setProducerId(e.producerId())
                .setFirstOffset(e.firstOffset())));
        return out;
    }
}
