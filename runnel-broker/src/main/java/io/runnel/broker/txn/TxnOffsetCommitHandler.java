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
 * TxnOffsetCommit: offsets held by the transaction and made visible when it commits. When the
 * request names a group member (KIP-447), its member id and generation (or member epoch) must be
 * current, which fences a zombie whose partitions were reassigned.
 */
final class TxnOffsetCommitHandler implements ApiHandler {
    private final TransactionCoordinator coordinator;
    private final Topics topics;
    private final TxnApis.GroupMemberCheck groups;

    TxnOffsetCommitHandler(TransactionCoordinator coordinator, Topics topics, TxnApis.GroupMemberCheck groups) {
        this.coordinator = coordinator;
        this.topics = topics;
        this.groups = groups;
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
        Errors error = unknown ? Errors.UNKNOWN_TOPIC_OR_PARTITION : Errors.NONE;
        boolean hasMember = (req.memberId() != null && !req.memberId().isEmpty()) || req.generationIdOrMemberEpoch() >= 0;
        if (error == Errors.NONE && hasMember) {
            error = groups.check(req.groupId(), req.memberId(), req.generationIdOrMemberEpoch());
        }
        if (error == Errors.NONE) {
            error = coordinator.commitOffsets(req.transactionalId(), req.producerId(), req.producerEpoch(),
                    req.groupId(), commits);
        }
        final Errors result = error;
        TxnOffsetCommitResponseData resp = new TxnOffsetCommitResponseData();
        for (TxnOffsetCommitRequestData.TxnOffsetCommitRequestTopic t : req.topics()) {
            TxnOffsetCommitResponseData.TxnOffsetCommitResponseTopic tr = new TxnOffsetCommitResponseData
                    .TxnOffsetCommitResponseTopic().setName(t.name()).setTopicId(t.topicId());
            t.partitions().forEach(p -> tr.partitions().add(new TxnOffsetCommitResponseData
                    .TxnOffsetCommitResponsePartition().setPartitionIndex(p.partitionIndex()).setErrorCode(result.code())));
            resp.topics().add(tr);
        }
        return CompletableFuture.completedFuture(new TxnOffsetCommitResponse(resp));
    }
}
