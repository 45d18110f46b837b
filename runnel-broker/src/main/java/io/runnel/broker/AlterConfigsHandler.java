package io.runnel.broker;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.message.AlterConfigsRequestData;
import org.apache.kafka.common.message.AlterConfigsResponseData;
import org.apache.kafka.common.message.AlterConfigsResponseData.AlterConfigsResourceResponse;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.ApiError;
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
            ApiError e = TopicConfigAlteration.refusal(topics, res.resourceType(), res.resourceName());
            if (e == null) e = replace(res, req.validateOnly());
            resp.responses().add(new AlterConfigsResourceResponse().setResourceType(res.resourceType())
                    .setResourceName(res.resourceName()).setErrorCode(e.error().code()).setErrorMessage(e.message()));
        }
        return CompletableFuture.completedFuture(new AlterConfigsResponse(resp));
    }

    /** Replace-all: the request's configs become the whole override set. */
    private ApiError replace(AlterConfigsRequestData.AlterConfigsResource res, boolean validateOnly) {
        Map<String, String> requested = new LinkedHashMap<>();
        for (AlterConfigsRequestData.AlterableConfig c : res.configs()) {
            if (c.value() == null) return new ApiError(Errors.INVALID_REQUEST, "config " + c.name() + " has no value");
            requested.put(c.name(), c.value());
        }
        return TopicConfigAlteration.apply(topics, res.resourceName(), requested, validateOnly);
    }
}
