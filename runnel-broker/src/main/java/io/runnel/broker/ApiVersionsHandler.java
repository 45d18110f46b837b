package io.runnel.broker;

import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.message.ApiMessageType;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.ApiVersionsRequest;
import org.apache.kafka.common.requests.ApiVersionsResponse;
import org.apache.kafka.common.requests.RequestContext;

/**
 * ApiVersions: advertises exactly the registered APIs, each from the oldest version of
 * kafka-clients' generated classes to the newest stable one ({@link KafkaApis#latestVersion}),
 * computed as Kafka's own brokers do. (So Produce is advertised from v0 although v0-2 are gone
 * since Kafka 4.0, because librdkafka before 2.10 enables compression only when it sees them;
 * a request at v0-2 closes the connection, as on Kafka.)
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
            key.toApiVersionForApiResponse(KafkaApis.ENABLE_UNSTABLE, ApiMessageType.ListenerType.BROKER)
                    .ifPresent(data.apiKeys()::add);
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
