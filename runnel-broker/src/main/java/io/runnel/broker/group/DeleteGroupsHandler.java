package io.runnel.broker.group;

import io.runnel.broker.ApiHandler;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.message.DeleteGroupsRequestData;
import org.apache.kafka.common.message.DeleteGroupsResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.DeleteGroupsRequest;
import org.apache.kafka.common.requests.DeleteGroupsResponse;
import org.apache.kafka.common.requests.RequestContext;

/** DeleteGroups: deletes an empty group's committed offsets; groups with members are refused. */
final class DeleteGroupsHandler implements ApiHandler {
    private final GroupCoordinator classic;
    private final ConsumerGroupCoordinator consumerGroups;
    private final OffsetStore offsets;

    DeleteGroupsHandler(GroupCoordinator classic, ConsumerGroupCoordinator consumerGroups, OffsetStore offsets) {
        this.classic = classic;
        this.consumerGroups = consumerGroups;
        this.offsets = offsets;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        DeleteGroupsRequestData req = ((DeleteGroupsRequest) request).data();
        DeleteGroupsResponseData resp = new DeleteGroupsResponseData();
        for (String group : req.groupsNames()) {
            DeleteGroupsResponseData.DeletableGroupResult r = new DeleteGroupsResponseData.DeletableGroupResult()
                    .setGroupId(group);
            if (classic.isActive(group) || consumerGroups.isActive(group)) {
                r.setErrorCode(Errors.NON_EMPTY_GROUP.code()).setErrorMessage("group " + group + " has members");
            } else if (!offsets.groupIds().contains(group) && classic.describe(group) == null) {
                r.setErrorCode(Errors.GROUP_ID_NOT_FOUND.code());
            } else {
                offsets.delete(group, offsets.offsets(group).keySet());
                classic.removeIfEmpty(group);
            }
            resp.results().add(r);
        }
        return CompletableFuture.completedFuture(new DeleteGroupsResponse(resp));
    }
}
