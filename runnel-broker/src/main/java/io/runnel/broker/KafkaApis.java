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

    CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        ApiHandler handler = handlers.get(context.header.apiKey());
        if (handler == null) {
            return CompletableFuture.failedFuture(new UnsupportedVersionException(
                    "API " + context.header.apiKey() + " is not supported by this broker"));
        }
        return handler.handle(context, request);
    }
}
