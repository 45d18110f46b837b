package io.runnel.broker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.protocol.Errors;

/**
 * An incremental fetch session (KIP-227): the partitions a client fetches and where, kept between
 * requests so the client sends only what changed and the broker answers only partitions with
 * news. Each request must carry the session's next epoch; its partitions are added or updated,
 * its forgotten topics removed. Used by one client at a time; synchronized for the fetch
 * completing on another thread.
 */
final class FetchSession {
    /** The epoch a client sends to create a session, and the one that closes it. */
    static final int INITIAL_EPOCH = 0;
    static final int FINAL_EPOCH = -1;

    final int id;
    private int epoch;
    private long lastUsedMs;
    private final Map<FetchTarget.Key, FetchTarget> partitions = new LinkedHashMap<>();

    FetchSession(int id, List<FetchTarget> targets, long nowMs) {
        this.id = id;
        this.epoch = nextEpoch(INITIAL_EPOCH);
        this.lastUsedMs = nowMs;
        targets.forEach(t -> partitions.put(t.key(), t));
    }

    static int nextEpoch(int epoch) {
        return epoch == Integer.MAX_VALUE ? 1 : epoch + 1;
    }

    synchronized int expectedEpoch() {
        return epoch;
    }

    synchronized long lastUsedMs() {
        return lastUsedMs;
    }

    synchronized int size() {
        return partitions.size();
    }

    /**
     * Applies an incremental request with the right epoch: its partitions replace the cached ones
     * (keeping what was last sent for those already there), forgotten ones are dropped. Returns the
     * session's partitions to read, or null if the epoch is wrong.
     */
    synchronized List<FetchTarget> update(int requestEpoch, List<FetchTarget> changed,
                                          List<FetchRequestData.ForgottenTopic> forgotten, long nowMs) {
        if (requestEpoch != epoch) {
            return null;
        }
        epoch = nextEpoch(epoch);
        lastUsedMs = nowMs;
        for (FetchTarget t : changed) {
            FetchTarget old = partitions.get(t.key());
            if (old == null) {
                partitions.put(t.key(), t);
            } else {
                old.fetchOffset = t.fetchOffset;
                old.maxBytes = t.maxBytes;
                old.currentLeaderEpoch = t.currentLeaderEpoch;
            }
        }
        for (FetchRequestData.ForgottenTopic f : forgotten) {
            for (int p : f.partitions()) {
                partitions.remove(FetchTarget.Key.of(f.topic(), f.topicId(), p));
            }
        }
        return new ArrayList<>(partitions.values());
    }

    /**
     * Whether the partition goes into an incremental response: records, an error, or a changed
     * high watermark, last stable offset or log start offset. Records what is being sent.
     */
    synchronized boolean mustRespond(FetchTarget t, FetchResponseData.PartitionData pd) {
        boolean changed = pd.errorCode() != Errors.NONE.code() || hasRecords(pd.records())
                || pd.highWatermark() != t.sentHighWatermark || pd.lastStableOffset() != t.sentLastStable
                || pd.logStartOffset() != t.sentLogStart;
        remember(t, pd);
        return changed;
    }

    /** Records what a full response sent for the partition. */
    synchronized void remember(FetchTarget t, FetchResponseData.PartitionData pd) {
        t.sentHighWatermark = pd.highWatermark();
        t.sentLastStable = pd.lastStableOffset();
        t.sentLogStart = pd.logStartOffset();
    }

    private static boolean hasRecords(org.apache.kafka.common.record.internal.BaseRecords records) {
        return records != null && records.sizeInBytes() > 0;
    }
}
