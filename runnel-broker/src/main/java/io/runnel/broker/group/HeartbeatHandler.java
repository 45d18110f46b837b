package io.runnel.broker.group;

import io.runnel.broker.ApiHandler;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.message.HeartbeatRequestData;
import org.apache.kafka.common.message.HeartbeatResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.HeartbeatRequest;
import org.apache.kafka.common.requests.HeartbeatResponse;
import org.apache.kafka.common.requests.RequestContext;

/** Heartbeat: keeps a member alive and tells it when a rebalance started. */
final class HeartbeatHandler implements ApiHandler {
    private final GroupCoordinator coordinator;

    HeartbeatHandler(GroupCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        HeartbeatRequestData req = ((HeartbeatRequest) request).data();
        Errors e = coordinator.checkInstance(req.groupId(), req.memberId(), req.groupInstanceId());
        if (e == Errors.NONE) {
            e = coordinator.heartbeat(req.groupId(), req.memberId(), req.generationId());
        }
        return CompletableFuture.completedFuture(new HeartbeatResponse(new HeartbeatResponseData()
                .setErrorCode(e.code())));
    }
}
