package io.runnel.broker;

import io.runnel.log.LogException;
import io.runnel.log.Topic;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.message.CreatePartitionsRequestData;
import org.apache.kafka.common.message.CreatePartitionsResponseData;
import org.apache.kafka.common.message.CreatePartitionsResponseData.CreatePartitionsTopicResult;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.CreatePartitionsRequest;
import org.apache.kafka.common.requests.CreatePartitionsResponse;
import org.apache.kafka.common.requests.RequestContext;

/** CreatePartitions: grows a topic's partition count; manual assignments are refused. */
final class CreatePartitionsHandler implements ApiHandler {
    private final Topics topics;

    CreatePartitionsHandler(Topics topics) {
        this.topics = topics;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        CreatePartitionsRequestData req = ((CreatePartitionsRequest) request).data();
        CreatePartitionsResponseData resp = new CreatePartitionsResponseData();
        for (CreatePartitionsRequestData.CreatePartitionsTopic t : req.topics()) {
            CreatePartitionsTopicResult r = new CreatePartitionsTopicResult().setName(t.name());
            Topic topic = topics.find(t.name());
            if (topic == null) {
                r.setErrorCode(Errors.UNKNOWN_TOPIC_OR_PARTITION.code());
            } else if (Topics.isInternal(topic.name())) {
                r.setErrorCode(Errors.INVALID_REQUEST.code()).setErrorMessage("internal topic " + topic.name()
                        + " has a fixed partition count");
            } else if (t.assignments() != null && !t.assignments().isEmpty()) {
                r.setErrorCode(Errors.INVALID_REQUEST.code()).setErrorMessage("manual assignment is not supported");
            } else if (t.count() <= topic.partitionCount()) {
                r.setErrorCode(Errors.INVALID_PARTITIONS.code()).setErrorMessage("topic " + t.name() + " has "
                        + topic.partitionCount() + " partitions; the new count " + t.count() + " must be larger");
            } else {
                try {
                    topics.checkPartitionBudget(t.name(), t.count() - topic.partitionCount());
                    if (!req.validateOnly()) {
                        topics.logs().addPartitions(t.name(), t.count());
                    }
                } catch (InvalidPartitionsException | LogException e) {
                    r.setErrorCode(Errors.INVALID_PARTITIONS.code()).setErrorMessage(e.getMessage());
                }
            }
            resp.results().add(r);
        }
        return CompletableFuture.completedFuture(new CreatePartitionsResponse(resp));
    }
}
