package io.runnel.broker;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.message.IncrementalAlterConfigsRequestData;
import org.apache.kafka.common.message.IncrementalAlterConfigsResponseData;
import org.apache.kafka.common.message.IncrementalAlterConfigsResponseData.AlterConfigsResourceResponse;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.ApiError;
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
            ApiError e = TopicConfigAlteration.refusal(topics, res.resourceType(), res.resourceName());
            if (e == null) e = alter(res, req.validateOnly());
            resp.responses().add(new AlterConfigsResourceResponse().setResourceType(res.resourceType())
                    .setResourceName(res.resourceName()).setErrorCode(e.error().code()).setErrorMessage(e.message()));
        }
        return CompletableFuture.completedFuture(new IncrementalAlterConfigsResponse(resp));
    }

    /** SET and DELETE applied to the topic's current overrides. */
    private ApiError alter(IncrementalAlterConfigsRequestData.AlterConfigsResource res, boolean validateOnly) {
        Map<String, String> requested = new LinkedHashMap<>(topics.find(res.resourceName()).overrides());
        for (IncrementalAlterConfigsRequestData.AlterableConfig c : res.configs()) {
            if (c.configOperation() == SET) {
                requested.put(c.name(), c.value());
            } else if (c.configOperation() == DELETE) {
                requested.remove(c.name());
            } else {
                return new ApiError(Errors.INVALID_REQUEST, "config " + c.name()
                        + ": only SET and DELETE are supported (no list configs here)");
            }
        }
        return TopicConfigAlteration.apply(topics, res.resourceName(), requested, validateOnly);
    }
}
