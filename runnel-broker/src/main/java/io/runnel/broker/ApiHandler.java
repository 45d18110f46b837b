package io.runnel.broker;

import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.RequestContext;

/**
 * Handles one Kafka API. Called on an I/O thread; may complete later (long-poll fetch, group
 * joins). A future completed with {@code null} sends no response (produce with acks=0). A future
 * completed exceptionally gets the request's standard error response.
 */
@FunctionalInterface
public interface ApiHandler {
    CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request);
}
