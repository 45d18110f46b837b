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
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.OffsetFetchRequest;
import org.apache.kafka.common.requests.OffsetFetchResponse;
import org.apache.kafka.common.requests.RequestContext;

/**
 * OffsetFetch for one group (v0-7) or several (v8+); no topics means every committed offset of
 * the group. Partitions without a commit get offset -1.
 */
final class OffsetFetchHandler implements ApiHandler {
    private final OffsetStore offsets;
    private final Topics topics;

    OffsetFetchHandler(OffsetStore offsets, Topics topics) {
        this.offsets = offsets;
        this.topics = topics;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        OffsetFetchRequest req = (OffsetFetchRequest) request;
        short version = context.apiVersion();
        OffsetFetchResponseData resp = new OffsetFetchResponseData();
        if (version >= 8) {
            for (OffsetFetchRequestData.OffsetFetchRequestGroup g : req.data().groups()) {
                resp.groups().add(fetch(g.groupId(), g.topics()));
            }
        } else {
            List<OffsetFetchRequestData.OffsetFetchRequestTopics> ts = null;
            if (req.data().topics() != null) {
                ts = req.data().topics().stream().map(t -> new OffsetFetchRequestData.OffsetFetchRequestTopics()
                        .setName(t.name()).setPartitionIndexes(t.partitionIndexes())).toList();
            }
            OffsetFetchResponseGroup g = fetch(req.data().groupId(), ts);
            for (OffsetFetchResponseTopics t : g.topics()) {
                OffsetFetchResponseData.OffsetFetchResponseTopic old = new OffsetFetchResponseData.OffsetFetchResponseTopic()
                        .setName(t.name());
                for (OffsetFetchResponsePartitions p : t.partitions()) {
                    old.partitions().add(new OffsetFetchResponseData.OffsetFetchResponsePartition()
                            .setPartitionIndex(p.partitionIndex()).setCommittedOffset(p.committedOffset())
                            .setCommittedLeaderEpoch(p.committedLeaderEpoch()).setMetadata(p.metadata()));
                }
                resp.topics().add(old);
            }
        }
        return CompletableFuture.completedFuture(new OffsetFetchResponse(resp, version));
    }

    private OffsetFetchResponseGroup fetch(String groupId, List<OffsetFetchRequestData.OffsetFetchRequestTopics> wanted) {
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
        g.topics().addAll(byTopic.values());
        return g;
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
