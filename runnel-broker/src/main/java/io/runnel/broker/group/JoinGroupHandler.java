package io.runnel.broker.group;

import io.runnel.broker.ApiHandler;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.JoinGroupRequest;
import org.apache.kafka.common.requests.JoinGroupResponse;
import org.apache.kafka.common.requests.RequestContext;

/** JoinGroup: answered when the group's join phase ends. */
final class JoinGroupHandler implements ApiHandler {
    private final GroupCoordinator coordinator;

    JoinGroupHandler(GroupCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        short version = context.apiVersion();
        return coordinator.join(((JoinGroupRequest) request).data(), context.clientId(),
                        context.clientAddress.toString(), version)
                .thenApply(data -> new JoinGroupResponse(data, version));
    }
}
