package io.runnel.broker.txn;

import io.runnel.broker.ApiHandler;
import io.runnel.broker.Topics;
import io.runnel.broker.group.CommittedOffset;
import io.runnel.broker.group.OffsetStore;
import io.runnel.log.Topic;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.message.TxnOffsetCommitRequestData;
import org.apache.kafka.common.message.TxnOffsetCommitResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.RequestContext;
import org.apache.kafka.common.requests.TxnOffsetCommitRequest;
import org.apache.kafka.common.requests.TxnOffsetCommitResponse;

/**
 * TxnOffsetCommit: offsets held by the transaction and made visible when it commits. The group's
 * generation is not checked (KIP-447 fencing by group generation is not implemented).
 */
final class TxnOffsetCommitHandler implements ApiHandler {
    private final TransactionCoordinator coordinator;
    private final Topics topics;

    TxnOffsetCommitHandler(TransactionCoordinator coordinator, Topics topics) {
        this.coordinator = coordinator;
        this.topics = topics;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        TxnOffsetCommitRequestData req = ((TxnOffsetCommitRequest) request).data();
        Map<OffsetStore.TopicPartitionKey, CommittedOffset> commits = new LinkedHashMap<>();
        long now = System.currentTimeMillis();
        boolean unknown = false;
        for (TxnOffsetCommitRequestData.TxnOffsetCommitRequestTopic t : req.topics()) {
            Topic topic = topics.find(t.name(), t.topicId());
            for (TxnOffsetCommitRequestData.TxnOffsetCommitRequestPartition p : t.partitions()) {
                if (topic == null || topic.partition(p.partitionIndex()) == null) {
                    unknown = true;
                } else {
                    commits.put(new OffsetStore.TopicPartitionKey(topic.name(), p.partitionIndex()),
                            new CommittedOffset(p.committedOffset(), p.committedLeaderEpoch(), p.committedMetadata(), now));
                }
            }
        }
        Errors error = unknown ? Errors.UNKNOWN_TOPIC_OR_PARTITION : coordinator.commitOffsets(req.transactionalId(),
                req.producerId(), req.producerEpoch(), req.groupId(), commits);
        TxnOffsetCommitResponseData resp = new TxnOffsetCommitResponseData();
        for (TxnOffsetCommitRequestData.TxnOffsetCommitRequestTopic t : req.topics()) {
            TxnOffsetCommitResponseData.TxnOffsetCommitResponseTopic tr = new TxnOffsetCommitResponseData
                    .TxnOffsetCommitResponseTopic().setName(t.name()).setTopicId(t.topicId());
            t.partitions().forEach(p -> tr.partitions().add(new TxnOffsetCommitResponseData
                    .TxnOffsetCommitResponsePartition().setPartitionIndex(p.partitionIndex()).setErrorCode(error.code())));
            resp.topics().add(tr);
        }
        return CompletableFuture.completedFuture(new TxnOffsetCommitResponse(resp));
    }
}
