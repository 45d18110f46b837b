package io.runnel.broker;

import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.ApiVersionsRequest;
import org.apache.kafka.common.requests.ApiVersionsResponse;
import org.apache.kafka.common.requests.RequestContext;

/**
 * ApiVersions: advertises exactly the registered APIs, each with the full version range of
 * kafka-clients' generated classes (which is what the handlers decode and encode).
 */
final class ApiVersionsHandler implements ApiHandler {
    private final KafkaApis apis;

    ApiVersionsHandler(KafkaApis apis) {
        this.apis = apis;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        ApiVersionsResponseData data = new ApiVersionsResponseData().setThrottleTimeMs(0);
        for (ApiKeys key : apis.supported()) {
            data.apiKeys().add(new ApiVersionsResponseData.ApiVersion().setApiKey(key.id)
                    .setMinVersion(key.oldestVersion()).setMaxVersion(key.latestVersion()));
        }
        ApiVersionsRequest req = (ApiVersionsRequest) request;
        if (req.hasUnsupportedRequestVersion()) {
            data.setErrorCode(Errors.UNSUPPORTED_VERSION.code());
        } else if (!req.isValid()) {
            data.setErrorCode(Errors.INVALID_REQUEST.code());
        }
        return CompletableFuture.completedFuture(new ApiVersionsResponse(data));
    }
}
