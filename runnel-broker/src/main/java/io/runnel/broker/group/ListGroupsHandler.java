package io.runnel.broker.group;

import io.runnel.broker.ApiHandler;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.message.ListGroupsRequestData;
import org.apache.kafka.common.message.ListGroupsResponseData;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.ListGroupsRequest;
import org.apache.kafka.common.requests.ListGroupsResponse;
import org.apache.kafka.common.requests.RequestContext;

/** ListGroups: live groups plus groups known only by their committed offsets (state Empty). */
final class ListGroupsHandler implements ApiHandler {
    private final GroupCoordinator coordinator;
    private final OffsetStore offsets;

    ListGroupsHandler(GroupCoordinator coordinator, OffsetStore offsets) {
        this.coordinator = coordinator;
        this.offsets = offsets;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        ListGroupsRequestData req = ((ListGroupsRequest) request).data();
        Set<String> ids = new LinkedHashSet<>(coordinator.groupIds());
        ids.addAll(offsets.groupIds());
        ListGroupsResponseData resp = new ListGroupsResponseData();
        for (String id : ids) {
            GroupView v = coordinator.describe(id);
            String state = v == null ? "Empty" : v.state();
            String protocolType = v == null ? "consumer" : v.protocolType();
            boolean stateOk = req.statesFilter().isEmpty() || req.statesFilter().stream().anyMatch(state::equalsIgnoreCase);
            boolean typeOk = req.typesFilter().isEmpty() || req.typesFilter().stream().anyMatch("classic"::equalsIgnoreCase);
            if (stateOk && typeOk) {
                resp.groups().add(new ListGroupsResponseData.ListedGroup().setGroupId(id).setProtocolType(protocolType)
                        .setGroupState(state).setGroupType("classic"));
            }
        }
        return CompletableFuture.completedFuture(new ListGroupsResponse(resp));
    }
}
