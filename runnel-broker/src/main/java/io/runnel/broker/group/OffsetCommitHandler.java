package io.runnel.broker.group;

import io.runnel.broker.ApiHandler;
import io.runnel.broker.Topics;
import io.runnel.log.Topic;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.message.OffsetCommitRequestData;
import org.apache.kafka.common.message.OffsetCommitResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.OffsetCommitRequest;
import org.apache.kafka.common.requests.OffsetCommitResponse;
import org.apache.kafka.common.requests.RequestContext;

/** OffsetCommit: checks member and generation, then writes durably before answering. */
final class OffsetCommitHandler implements ApiHandler {
    private final GroupCoordinator coordinator;
    private final ConsumerGroupCoordinator consumerGroups;
    private final OffsetStore offsets;
    private final Topics topics;

    OffsetCommitHandler(GroupCoordinator coordinator, ConsumerGroupCoordinator consumerGroups, OffsetStore offsets,
                        Topics topics) {
        this.coordinator = coordinator;
        this.consumerGroups = consumerGroups;
        this.offsets = offsets;
        this.topics = topics;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        OffsetCommitRequestData req = ((OffsetCommitRequest) request).data();
        Errors groupError = consumerGroups.validateCommit(req.groupId(), req.memberId(),
                req.generationIdOrMemberEpoch());
        if (groupError == null) { // not a consumer-protocol group: the classic coordinator decides
            groupError = coordinator.checkInstance(req.groupId(), req.memberId(), req.groupInstanceId());
            if (groupError == Errors.NONE) {
                groupError = coordinator.validateCommit(req.groupId(), req.memberId(),
                        req.generationIdOrMemberEpoch());
            }
        }
        OffsetCommitResponseData resp = new OffsetCommitResponseData();
        Map<OffsetStore.TopicPartitionKey, CommittedOffset> accepted = new LinkedHashMap<>();
        long now = System.currentTimeMillis();
        for (OffsetCommitRequestData.OffsetCommitRequestTopic t : req.topics()) {
            Topic topic = topics.find(t.name(), t.topicId());
            OffsetCommitResponseData.OffsetCommitResponseTopic tr = new OffsetCommitResponseData.OffsetCommitResponseTopic()
                    .setName(t.name()).setTopicId(t.topicId());
            for (OffsetCommitRequestData.OffsetCommitRequestPartition p : t.partitions()) {
                Errors e = groupError;
                if (e == Errors.NONE && (topic == null || topic.partition(p.partitionIndex()) == null)) {
                    boolean byId = (t.name() == null || t.name().isEmpty()) && topic == null;
                    e = byId ? Errors.UNKNOWN_TOPIC_ID : Errors.UNKNOWN_TOPIC_OR_PARTITION;
                }
                if (e == Errors.NONE) {
                    accepted.put(new OffsetStore.TopicPartitionKey(topic.name(), p.partitionIndex()),
                            new CommittedOffset(p.committedOffset(), p.committedLeaderEpoch(), p.committedMetadata(), now));
                }
                tr.partitions().add(new OffsetCommitResponseData.OffsetCommitResponsePartition()
                        .setPartitionIndex(p.partitionIndex()).setErrorCode(e.code()));
            }
            resp.topics().add(tr);
        }
        offsets.commit(req.groupId(), accepted);
        return CompletableFuture.completedFuture(new OffsetCommitResponse(resp));
    }
}
