package io.runnel.broker;

import io.runnel.log.Topic;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.message.AlterConfigsRequestData;
import org.apache.kafka.common.message.AlterConfigsResponseData;
import org.apache.kafka.common.message.AlterConfigsResponseData.AlterConfigsResourceResponse;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.AlterConfigsRequest;
import org.apache.kafka.common.requests.AlterConfigsResponse;
import org.apache.kafka.common.requests.RequestContext;

/**
 * The legacy AlterConfigs (the Java Admin dropped it in 4.0; older tools still send it). As in
 * Kafka it replaces a topic's whole override set: configs not named go back to the broker
 * default. Values are checked as CreateTopics checks them; broker configs are static.
 */
final class AlterConfigsHandler implements ApiHandler {
    private final Topics topics;

    AlterConfigsHandler(Topics topics) {
        this.topics = topics;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        AlterConfigsRequestData req = ((AlterConfigsRequest) request).data();
        AlterConfigsResponseData resp = new AlterConfigsResponseData();
        for (AlterConfigsRequestData.AlterConfigsResource res : req.resources()) {
            AlterConfigsResourceResponse r = new AlterConfigsResourceResponse().setResourceType(res.resourceType())
                    .setResourceName(res.resourceName()).setErrorCode(Errors.NONE.code());
            if (ConfigResource.Type.forId(res.resourceType()) != ConfigResource.Type.TOPIC) {
                r.setErrorCode(Errors.INVALID_REQUEST.code())
                        .setErrorMessage("only topic configs can be altered; broker configs are read at start");
            } else {
                replace(res, req.validateOnly(), r);
            }
            resp.responses().add(r);
        }
        return CompletableFuture.completedFuture(new AlterConfigsResponse(resp));
    }

    private void replace(AlterConfigsRequestData.AlterConfigsResource res, boolean validateOnly,
                         AlterConfigsResourceResponse r) {
        Topic topic = topics.find(res.resourceName());
        if (topic == null) {
            r.setErrorCode(Errors.UNKNOWN_TOPIC_OR_PARTITION.code());
            return;
        }
        if (Topics.isInternal(topic.name())) {
            r.setErrorCode(Errors.INVALID_REQUEST.code()).setErrorMessage("internal topic " + topic.name()
                    + " keeps its own settings");
            return;
        }
        Map<String, String> requested = new LinkedHashMap<>();
        for (AlterConfigsRequestData.AlterableConfig c : res.configs()) {
            if (c.value() == null) {
                r.setErrorCode(Errors.INVALID_REQUEST.code()).setErrorMessage("config " + c.name() + " has no value");
                return;
            }
            requested.put(c.name(), c.value());
        }
        try {
            Map<String, String> overrides = TopicConfigs.overrides(topic.name(), requested, topics.logs().defaults(),
                    topics.logs().compactionDefaults(), topic.overrides());
            if (!validateOnly) {
                topics.logs().alterTopicConfig(topic.name(), overrides);
            }
        } catch (InvalidConfigurationException e) {
            r.setErrorCode(Errors.INVALID_CONFIG.code()).setErrorMessage(e.getMessage());
        }
    }
}
