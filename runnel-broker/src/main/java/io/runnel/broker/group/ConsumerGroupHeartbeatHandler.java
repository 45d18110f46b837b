package io.runnel.broker.group;

import io.runnel.broker.ApiHandler;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.ConsumerGroupHeartbeatRequest;
import org.apache.kafka.common.requests.ConsumerGroupHeartbeatResponse;
import org.apache.kafka.common.requests.RequestContext;

/** ConsumerGroupHeartbeat (KIP-848): join, heartbeat, reconcile and leave in one API. */
final class ConsumerGroupHeartbeatHandler implements ApiHandler {
    private final ConsumerGroupCoordinator coordinator;

    ConsumerGroupHeartbeatHandler(ConsumerGroupCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        return CompletableFuture.completedFuture(new ConsumerGroupHeartbeatResponse(coordinator.heartbeat(
                ((ConsumerGroupHeartbeatRequest) request).data(), context.clientId(),
                context.clientAddress.toString(), context.apiVersion())));
    }
}
