package io.runnel.broker;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.RequestContext;

/**
 * The API dispatch table. Only registered APIs are advertised by ApiVersions, so a client never
 * sends a request nobody handles.
 */
public final class KafkaApis {
    static final boolean ENABLE_UNSTABLE = false;
    private final Map<ApiKeys, ApiHandler> handlers = new EnumMap<>(ApiKeys.class);

    void register(ApiKeys key, ApiHandler handler) {
        handlers.put(key, handler);
    }

    public Set<ApiKeys> supported() {
        return Collections.unmodifiableSet(handlers.keySet());
    }

    public boolean supports(ApiKeys key) {
        return handlers.containsKey(key);
    }

    /**
     * The newest version advertised: the newest stable one. Versions Kafka marks unstable (such as
     * InitProducerId v6, KIP-939) are still being defined and are not offered.
     */
    static short latestVersion(ApiKeys key) {
        return key.latestVersion(ENABLE_UNSTABLE);
    }

    CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        ApiKeys key = context.header.apiKey();
        ApiHandler handler = handlers.get(key);
        if (handler == null) {
            return CompletableFuture.failedFuture(new UnsupportedVersionException(
                    "API " + key + " is not supported by this broker"));
        }
        short version = context.apiVersion();
        if (key != ApiKeys.API_VERSIONS && version > latestVersion(key)) {
            // The classes could parse it, but it is not advertised: answer in its shape with the error.
            return CompletableFuture.failedFuture(new UnsupportedVersionException(
                    key + " v" + version + " is not supported; this broker serves up to v" + latestVersion(key)));
        }
        return handler.handle(context, request);
    }
}
