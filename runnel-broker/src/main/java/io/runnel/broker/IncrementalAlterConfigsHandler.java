package io.runnel.broker;

import io.runnel.log.Topic;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.message.IncrementalAlterConfigsRequestData;
import org.apache.kafka.common.message.IncrementalAlterConfigsResponseData;
import org.apache.kafka.common.message.IncrementalAlterConfigsResponseData.AlterConfigsResourceResponse;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.IncrementalAlterConfigsRequest;
import org.apache.kafka.common.requests.IncrementalAlterConfigsResponse;
import org.apache.kafka.common.requests.RequestContext;

/**
 * IncrementalAlterConfigs for topics: SET and DELETE of the topic configs CreateTopics accepts,
 * stored durably. Broker configs are static (read from the config at start) and cannot be altered.
 */
final class IncrementalAlterConfigsHandler implements ApiHandler {
    private static final byte SET = 0;
    private static final byte DELETE = 1;
    private final Topics topics;

    IncrementalAlterConfigsHandler(Topics topics) {
        this.topics = topics;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        IncrementalAlterConfigsRequestData req = ((IncrementalAlterConfigsRequest) request).data();
        IncrementalAlterConfigsResponseData resp = new IncrementalAlterConfigsResponseData();
        for (IncrementalAlterConfigsRequestData.AlterConfigsResource res : req.resources()) {
            AlterConfigsResourceResponse r = new AlterConfigsResourceResponse().setResourceType(res.resourceType())
                    .setResourceName(res.resourceName());
            if (ConfigResource.Type.forId(res.resourceType()) != ConfigResource.Type.TOPIC) {
                r.setErrorCode(Errors.INVALID_REQUEST.code())
                        .setErrorMessage("only topic configs can be altered; broker configs are read at start");
            } else {
                alter(res, req.validateOnly(), r);
            }
            resp.responses().add(r);
        }
        return CompletableFuture.completedFuture(new IncrementalAlterConfigsResponse(resp));
    }

    private void alter(IncrementalAlterConfigsRequestData.AlterConfigsResource res, boolean validateOnly,
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
        Map<String, String> requested = new LinkedHashMap<>(topic.overrides());
        for (IncrementalAlterConfigsRequestData.AlterableConfig c : res.configs()) {
            if (c.configOperation() == SET) {
                requested.put(c.name(), c.value());
            } else if (c.configOperation() == DELETE) {
                requested.remove(c.name());
            } else {
                r.setErrorCode(Errors.INVALID_REQUEST.code()).setErrorMessage("config " + c.name()
                        + ": only SET and DELETE are supported (no list configs here)");
                return;
            }
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
