package io.runnel.broker;

import io.runnel.log.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.message.MetadataResponseData.MetadataResponsePartition;
import org.apache.kafka.common.message.MetadataResponseData.MetadataResponseTopic;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.MetadataRequest;
import org.apache.kafka.common.requests.MetadataResponse;
import org.apache.kafka.common.requests.RequestContext;

/**
 * Metadata: this one broker leads every partition, with the partition's leader epoch (v7+);
 * unknown topics are auto-created if allowed.
 */
final class MetadataHandler implements ApiHandler {
    private static final int AUTHORIZED_OPS_OMITTED = Integer.MIN_VALUE;
    private final Topics topics;
    private final ClusterInfo cluster;

    MetadataHandler(Topics topics, ClusterInfo cluster) {
        this.topics = topics;
        this.cluster = cluster;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        MetadataRequest metadata = (MetadataRequest) request;
        MetadataRequestData req = metadata.data();
        short version = context.apiVersion();
        MetadataResponseData data = new MetadataResponseData()
                .setClusterId(cluster.clusterId())
                .setControllerId(cluster.nodeId())
                .setClusterAuthorizedOperations(AUTHORIZED_OPS_OMITTED);
        data.brokers().add(new MetadataResponseData.MetadataResponseBroker()
                .setNodeId(cluster.nodeId()).setHost(cluster.host()).setPort(cluster.port()));
        if (metadata.isAllTopics()) { // null, or empty in version 0
            for (Topic t : topics.logs().topics()) {
                data.topics().add(describe(t, version));
            }
        } else {
            boolean mayCreate = metadata.allowAutoTopicCreation() && topics.autoCreateEnabled();
            for (MetadataRequestData.MetadataRequestTopic rt : req.topics()) {
                data.topics().add(lookup(rt, mayCreate, version));
            }
        }
        return CompletableFuture.completedFuture(new MetadataResponse(data, context.apiVersion()));
    }

    private MetadataResponseTopic lookup(MetadataRequestData.MetadataRequestTopic rt, boolean mayCreate, short version) {
        String name = rt.name();
        if (name == null || name.isEmpty()) {
            Topic t = topics.find(null, rt.topicId());
            return t != null ? describe(t, version) : error(null, rt.topicId(), Errors.UNKNOWN_TOPIC_ID);
        }
        if (!Topics.isLegalName(name)) {
            return error(name, Uuid.ZERO_UUID, Errors.INVALID_TOPIC_EXCEPTION);
        }
        Topic t = topics.find(name);
        if (t == null && mayCreate && !Topics.isInternal(name)) {
            t = topics.getOrCreate(name);
        }
        return t != null ? describe(t, version) : error(name, Uuid.ZERO_UUID, Errors.UNKNOWN_TOPIC_OR_PARTITION);
    }

    private MetadataResponseTopic describe(Topic t, short version) {
        List<MetadataResponsePartition> partitions = new ArrayList<>();
        List<Integer> replicas = List.of(cluster.nodeId());
        for (int p = 0; p < t.partitionCount(); p++) {
            partitions.add(new MetadataResponsePartition().setPartitionIndex(p).setLeaderId(cluster.nodeId())
                    .setLeaderEpoch(version >= 7 ? t.partition(p).leaderEpoch() : -1)
                    .setReplicaNodes(replicas).setIsrNodes(replicas).setOfflineReplicas(List.of()));
        }
        return new MetadataResponseTopic().setName(t.name()).setTopicId(Topics.toKafka(t.id()))
                .setIsInternal(Topics.isInternal(t.name())).setPartitions(partitions)
                .setTopicAuthorizedOperations(AUTHORIZED_OPS_OMITTED);
    }

    private static MetadataResponseTopic error(String name, Uuid id, Errors error) {
        return new MetadataResponseTopic().setName(name).setTopicId(id).setErrorCode(error.code())
                .setTopicAuthorizedOperations(AUTHORIZED_OPS_OMITTED);
    }
}
