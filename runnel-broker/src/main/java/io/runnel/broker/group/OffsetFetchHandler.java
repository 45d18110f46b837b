package io.runnel.broker.group;

import io.runnel.broker.ApiHandler;
import io.runnel.broker.Topics;
import io.runnel.log.Topic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.OffsetFetchRequestData;
import org.apache.kafka.common.message.OffsetFetchResponseData;
import org.apache.kafka.common.message.OffsetFetchResponseData.OffsetFetchResponseGroup;
import org.apache.kafka.common.message.OffsetFetchResponseData.OffsetFetchResponsePartitions;
import org.apache.kafka.common.message.OffsetFetchResponseData.OffsetFetchResponseTopics;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.OffsetFetchRequest;
import org.apache.kafka.common.requests.OffsetFetchResponse;
import org.apache.kafka.common.requests.RequestContext;

/**
 * OffsetFetch for one group (v0-7) or several (v8+); no topics means every committed offset of
 * the group. Partitions without a commit get offset -1. With {@code requireStable} (v7+), a
 * partition whose offset a pending transaction has committed gets UNSTABLE_OFFSET_COMMIT.
 */
final class OffsetFetchHandler implements ApiHandler {
    private final OffsetStore offsets;
    private final Topics topics;
    private final PendingTxnOffsets pending;

    OffsetFetchHandler(OffsetStore offsets, Topics topics, PendingTxnOffsets pending) {
        this.offsets = offsets;
        this.topics = topics;
        this.pending = pending;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        OffsetFetchRequest req = (OffsetFetchRequest) request;
        short version = context.apiVersion();
        OffsetFetchResponseData resp = new OffsetFetchResponseData();
        if (version >= 8) {
            for (OffsetFetchRequestData.OffsetFetchRequestGroup g : req.data().groups()) {
                resp.groups().add(fetch(g.groupId(), g.topics(), req.data().requireStable()));
            }
        } else {
            List<OffsetFetchRequestData.OffsetFetchRequestTopics> ts = null;
            if (req.data().topics() != null) {
                ts = req.data().topics().stream().map(t -> new OffsetFetchRequestData.OffsetFetchRequestTopics()
                        .setName(t.name()).setPartitionIndexes(t.partitionIndexes())).toList();
            }
            OffsetFetchResponseGroup g = fetch(req.data().groupId(), ts, version >= 7 && req.data().requireStable());
            for (OffsetFetchResponseTopics t : g.topics()) {
                OffsetFetchResponseData.OffsetFetchResponseTopic old = new OffsetFetchResponseData.OffsetFetchResponseTopic()
                        .setName(t.name());
                for (OffsetFetchResponsePartitions p : t.partitions()) {
                    old.partitions().add(new OffsetFetchResponseData.OffsetFetchResponsePartition()
                            .setPartitionIndex(p.partitionIndex()).setCommittedOffset(p.committedOffset())
                            .setCommittedLeaderEpoch(p.committedLeaderEpoch()).setMetadata(p.metadata())
                            .setErrorCode(p.errorCode()));
                }
                resp.topics().add(old);
            }
        }
        return CompletableFuture.completedFuture(new OffsetFetchResponse(resp, version));
    }

    private OffsetFetchResponseGroup fetch(String groupId, List<OffsetFetchRequestData.OffsetFetchRequestTopics> wanted,
                                           boolean requireStable) {
        Map<OffsetStore.TopicPartitionKey, CommittedOffset> committed = offsets.offsets(groupId);
        OffsetFetchResponseGroup g = new OffsetFetchResponseGroup().setGroupId(groupId);
        Map<String, OffsetFetchResponseTopics> byTopic = new LinkedHashMap<>();
        if (wanted == null) {
            committed.forEach((tp, c) -> add(byTopic, tp.topic(), null, tp.partition(), c));
        } else {
            for (OffsetFetchRequestData.OffsetFetchRequestTopics t : wanted) {
                Topic topic = topics.find(t.name(), t.topicId());
                String name = topic != null ? topic.name() : t.name();
                for (int p : t.partitionIndexes()) {
                    CommittedOffset c = name == null ? null : committed.get(new OffsetStore.TopicPartitionKey(name, p));
                    add(byTopic, name, t.topicId(), p, c);
                }
            }
        }
        if (requireStable) {
            markUnstable(groupId, byTopic);
        }
        g.topics().addAll(byTopic.values());
        return g;
    }

    /** As Kafka: an unstable partition's offset is withheld (-1) with UNSTABLE_OFFSET_COMMIT. */
    private void markUnstable(String groupId, Map<String, OffsetFetchResponseTopics> byTopic) {
        for (OffsetFetchResponseTopics t : byTopic.values()) {
            for (OffsetFetchResponsePartitions p : t.partitions()) {
                if (pending.isPending(groupId, t.name(), p.partitionIndex())) {
                    p.setCommittedOffset(-1).setCommittedLeaderEpoch(-1).setMetadata("")
                            .setErrorCode(Errors.UNSTABLE_OFFSET_COMMIT.code());
                }
            }
        }
    }

    private void add(Map<String, OffsetFetchResponseTopics> byTopic, String name, Uuid id, int partition,
                     CommittedOffset c) {
        OffsetFetchResponseTopics t = byTopic.computeIfAbsent(String.valueOf(name), k -> {
            Topic topic = name == null ? null : topics.find(name);
            Uuid topicId = id != null ? id : topic != null ? Topics.toKafka(topic.id()) : Uuid.ZERO_UUID;
            return new OffsetFetchResponseTopics().setName(name == null ? "" : name).setTopicId(topicId);
        });
        t.partitions().add(new OffsetFetchResponsePartitions().setPartitionIndex(partition)
                .setCommittedOffset(c == null ? -1 : c.offset())
                .setCommittedLeaderEpoch(c == null ? -1 : c.leaderEpoch())
                .setMetadata(c == null ? "" : c.metadata()));
    }
}
