package io.runnel.broker;

import io.runnel.log.Topic;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.message.ElectLeadersRequestData;
import org.apache.kafka.common.message.ElectLeadersResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.ElectLeadersRequest;
import org.apache.kafka.common.requests.ElectLeadersResponse;
import org.apache.kafka.common.requests.RequestContext;

/**
 * ElectLeaders: a no-op on one node, where every partition's only replica is its leader. As
 * Kafka answers for a partition already led by its preferred replica: ELECTION_NOT_NEEDED (the
 * Admin client reports it per partition as ElectionNotNeededException); unknown partitions get
 * UNKNOWN_TOPIC_OR_PARTITION. A request for all partitions (null) gets an empty result, as Kafka
 * leaves out partitions that needed no election then.
 */
final class ElectLeadersHandler implements ApiHandler {
    private final Topics topics;

    ElectLeadersHandler(Topics topics) {
        this.topics = topics;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        ElectLeadersRequestData req = ((ElectLeadersRequest) request).data();
        ElectLeadersResponseData resp = new ElectLeadersResponseData().setErrorCode(Errors.NONE.code());
        if (req.topicPartitions() != null) {
            for (ElectLeadersRequestData.TopicPartitions t : req.topicPartitions()) {
                Topic topic = topics.find(t.topic());
                ElectLeadersResponseData.ReplicaElectionResult tr =
                        new ElectLeadersResponseData.ReplicaElectionResult().setTopic(t.topic());
                for (int partition : t.partitions()) {
                    Errors e = topic == null || topic.partition(partition) == null
                            ? Errors.UNKNOWN_TOPIC_OR_PARTITION : Errors.ELECTION_NOT_NEEDED;
                    tr.partitionResult().add(new ElectLeadersResponseData.PartitionResult().setPartitionId(partition)
                            .setErrorCode(e.code()).setErrorMessage(e.message()));
                }
                resp.replicaElectionResults().add(tr);
            }
        }
        return CompletableFuture.completedFuture(new ElectLeadersResponse(resp));
    }
}
