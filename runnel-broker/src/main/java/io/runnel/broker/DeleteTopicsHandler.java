package io.runnel.broker;

import io.runnel.log.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.DeleteTopicsRequestData;
import org.apache.kafka.common.message.DeleteTopicsResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.DeleteTopicsRequest;
import org.apache.kafka.common.requests.DeleteTopicsResponse;
import org.apache.kafka.common.requests.RequestContext;

/** DeleteTopics by name (v0-5) or by name or id (v6+). The internal offsets topic cannot be deleted. */
final class DeleteTopicsHandler implements ApiHandler {
    private final Topics topics;
    private final TopicAdmin admin;

    DeleteTopicsHandler(Topics topics, TopicAdmin admin) {
        this.topics = topics;
        this.admin = admin;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        DeleteTopicsRequestData req = ((DeleteTopicsRequest) request).data();
        List<DeleteTopicsRequestData.DeleteTopicState> targets = new ArrayList<>(req.topics());
        for (String name : req.topicNames()) {
            targets.add(new DeleteTopicsRequestData.DeleteTopicState().setName(name).setTopicId(Uuid.ZERO_UUID));
        }
        DeleteTopicsResponseData resp = new DeleteTopicsResponseData();
        for (DeleteTopicsRequestData.DeleteTopicState t : targets) {
            Topic topic = topics.find(t.name(), t.topicId());
            DeleteTopicsResponseData.DeletableTopicResult r = new DeleteTopicsResponseData.DeletableTopicResult()
                    .setName(t.name()).setTopicId(t.topicId());
            if (topic == null) {
                boolean byId = t.name() == null || t.name().isEmpty();
                r.setErrorCode((byId ? Errors.UNKNOWN_TOPIC_ID : Errors.UNKNOWN_TOPIC_OR_PARTITION).code());
            } else if (Topics.isInternal(topic.name())) {
                r.setErrorCode(Errors.INVALID_TOPIC_EXCEPTION.code())
                        .setErrorMessage("internal topic " + topic.name() + " cannot be deleted");
            } else {
                admin.delete(topic);
                r.setName(topic.name()).setTopicId(Topics.toKafka(topic.id()));
            }
            resp.responses().add(r);
        }
        return CompletableFuture.completedFuture(new DeleteTopicsResponse(resp));
    }
}
