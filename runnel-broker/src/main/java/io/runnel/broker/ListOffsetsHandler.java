package io.runnel.broker;

import io.runnel.broker.txn.TxnPartitions;
import io.runnel.log.LogSlice;
import io.runnel.log.PartitionLog;
import io.runnel.log.Topic;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.message.ListOffsetsRequestData;
import org.apache.kafka.common.message.ListOffsetsResponseData;
import org.apache.kafka.common.message.ListOffsetsResponseData.ListOffsetsPartitionResponse;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.ListOffsetsRequest;
import org.apache.kafka.common.requests.ListOffsetsResponse;
import org.apache.kafka.common.requests.RequestContext;

/**
 * ListOffsets: earliest (-2, -4), latest (-1; the last stable offset for read-committed), max
 * timestamp (-3), and by timestamp (the first
 * record whose timestamp is at least the target; the log finds the batch, kafka-clients decodes it).
 * From v4 the answer carries the leader epoch the offset was written in, and a stale or future
 * current leader epoch in the request is refused (FENCED_LEADER_EPOCH / UNKNOWN_LEADER_EPOCH).
 */
final class ListOffsetsHandler implements ApiHandler {
    private final Topics topics;
    private final TxnPartitions txnPartitions;

    ListOffsetsHandler(Topics topics, TxnPartitions txnPartitions) {
        this.topics = topics;
        this.txnPartitions = txnPartitions;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        ListOffsetsRequestData req = ((ListOffsetsRequest) request).data();
        ListOffsetsResponseData resp = new ListOffsetsResponseData();
        for (ListOffsetsRequestData.ListOffsetsTopic t : req.topics()) {
            Topic topic = topics.find(t.name());
            ListOffsetsResponseData.ListOffsetsTopicResponse tr =
                    new ListOffsetsResponseData.ListOffsetsTopicResponse().setName(t.name());
            for (ListOffsetsRequestData.ListOffsetsPartition p : t.partitions()) {
                PartitionLog log = topic == null ? null : topic.partition(p.partitionIndex());
                ListOffsetsPartitionResponse pr = new ListOffsetsPartitionResponse()
                        .setPartitionIndex(p.partitionIndex()).setTimestamp(-1).setOffset(-1);
                Errors epochError = log == null ? Errors.NONE : LeaderEpochs.check(p.currentLeaderEpoch(), log);
                if (log == null) {
                    pr.setErrorCode(Errors.UNKNOWN_TOPIC_OR_PARTITION.code());
                } else if (epochError != Errors.NONE) {
                    pr.setErrorCode(epochError.code());
                } else {
                    lookup(log, p.timestamp(), pr);
                    if (p.timestamp() == ListOffsetsRequest.LATEST_TIMESTAMP && req.isolationLevel() == 1) {
                        pr.setOffset(txnPartitions.get(log).lastStableOffset());
                    }
                    if (context.apiVersion() >= 4) { // the epoch in which the offset found was written
                        pr.setLeaderEpoch(pr.offset() < 0 ? -1 : log.leaderEpochs().epochAt(pr.offset()));
                    }
                }
                tr.partitions().add(pr);
            }
            resp.topics().add(tr);
        }
        return CompletableFuture.completedFuture(new ListOffsetsResponse(resp));
    }

    private static void lookup(PartitionLog log, long timestamp, ListOffsetsPartitionResponse pr) {
        if (timestamp == ListOffsetsRequest.EARLIEST_TIMESTAMP || timestamp == ListOffsetsRequest.EARLIEST_LOCAL_TIMESTAMP) {
            pr.setOffset(log.logStartOffset());
        } else if (timestamp == ListOffsetsRequest.LATEST_TIMESTAMP) {
            pr.setOffset(log.logEndOffset());
        } else if (timestamp == ListOffsetsRequest.MAX_TIMESTAMP) {
            long max = log.maxTimestamp();
            if (max >= 0) {
                find(log, max, pr);
            }
        } else if (timestamp >= 0) {
            find(log, timestamp, pr);
        } else {
            pr.setErrorCode(Errors.UNSUPPORTED_VERSION.code());
        }
    }

    /**
     * The first record at or after {@code timestamp}: from the first batch whose max timestamp
     * reaches it, going on to later batches if that one holds no such record (a batch emptied by
     * compaction keeps its max timestamp).
     */
    private static void find(PartitionLog log, long timestamp, ListOffsetsPartitionResponse pr) {
        LogSlice slice = log.findByTimestamp(timestamp);
        while (slice != null && !slice.isEmpty()) {
            long next = -1;
            for (RecordBatch batch : MemoryRecords.readableRecords(slice.readFully()).batches()) {
                for (Record record : batch) {
                    if (record.timestamp() >= timestamp) {
                        pr.setOffset(record.offset()).setTimestamp(record.timestamp());
                        return;
                    }
                }
                next = batch.lastOffset() + 1;
            }
            if (next < 0 || next >= log.logEndOffset()) {
                return;
            }
            slice = log.read(next, SCAN_BYTES);
        }
    }

    /** Bytes read per step when the timestamp search goes past an emptied batch. */
    private static final int SCAN_BYTES = 64 * 1024;
}
