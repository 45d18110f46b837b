package io.runnel.broker.group;

import io.runnel.broker.ApiHandler;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.message.ListGroupsRequestData;
import org.apache.kafka.common.message.ListGroupsResponseData;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.ListGroupsRequest;
import org.apache.kafka.common.requests.ListGroupsResponse;
import org.apache.kafka.common.requests.RequestContext;

/** ListGroups: consumer-protocol groups, classic groups, and groups known only by committed offsets (Empty). */
final class ListGroupsHandler implements ApiHandler {
    private final GroupCoordinator coordinator;
    private final ConsumerGroupCoordinator consumerGroups;
    private final OffsetStore offsets;

    ListGroupsHandler(GroupCoordinator coordinator, ConsumerGroupCoordinator consumerGroups, OffsetStore offsets) {
        this.coordinator = coordinator;
        this.consumerGroups = consumerGroups;
        this.offsets = offsets;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        ListGroupsRequestData req = ((ListGroupsRequest) request).data();
        Map<String, String> consumerStates = consumerGroups.groupStates();
        Set<String> ids = new LinkedHashSet<>(coordinator.groupIds());
        ids.addAll(offsets.groupIds());
        ids.removeAll(consumerStates.keySet());
        ListGroupsResponseData resp = new ListGroupsResponseData();
        consumerStates.forEach((id, state) -> {
            if (matches(req, state, "consumer")) {
                resp.groups().add(new ListGroupsResponseData.ListedGroup().setGroupId(id).setProtocolType("consumer")
                        .setGroupState(state).setGroupType("consumer"));
            }
        });
        for (String id : ids) {
            GroupView v = coordinator.describe(id);
            String state = v == null ? "Empty" : v.state();
            String protocolType = v == null ? "consumer" : v.protocolType();
            if (matches(req, state, "classic")) {
                resp.groups().add(new ListGroupsResponseData.ListedGroup().setGroupId(id).setProtocolType(protocolType)
                        .setGroupState(state).setGroupType("classic"));
            }
        }
        return CompletableFuture.completedFuture(new ListGroupsResponse(resp));
    }

    private static boolean matches(ListGroupsRequestData req, String state, String type) {
        return (req.statesFilter().isEmpty() || req.statesFilter().stream().anyMatch(state::equalsIgnoreCase))
                && (req.typesFilter().isEmpty() || req.typesFilter().stream().anyMatch(type::equalsIgnoreCase));
    }
}
