package io.runnel.broker.group;

import io.runnel.broker.ApiHandler;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.message.DescribeGroupsRequestData;
import org.apache.kafka.common.message.DescribeGroupsResponseData;
import org.apache.kafka.common.message.DescribeGroupsResponseData.DescribedGroup;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.DescribeGroupsRequest;
import org.apache.kafka.common.requests.DescribeGroupsResponse;
import org.apache.kafka.common.requests.RequestContext;

/** DescribeGroups: state, protocol and members; unknown groups are Dead (GROUP_ID_NOT_FOUND from v6). */
final class DescribeGroupsHandler implements ApiHandler {
    private final GroupCoordinator coordinator;
    private final OffsetStore offsets;

    DescribeGroupsHandler(GroupCoordinator coordinator, OffsetStore offsets) {
        this.coordinator = coordinator;
        this.offsets = offsets;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        DescribeGroupsRequestData req = ((DescribeGroupsRequest) request).data();
        DescribeGroupsResponseData resp = new DescribeGroupsResponseData();
        for (String id : req.groups()) {
            GroupView v = coordinator.describe(id);
            DescribedGroup g = new DescribedGroup().setGroupId(id).setAuthorizedOperations(Integer.MIN_VALUE);
            if (v == null && offsets.groupIds().contains(id)) {
                g.setGroupState("Empty").setProtocolType("consumer").setProtocolData("");
            } else if (v == null) {
                g.setGroupState("Dead").setProtocolType("").setProtocolData("");
                if (context.apiVersion() >= 6) {
                    g.setErrorCode(Errors.GROUP_ID_NOT_FOUND.code()).setErrorMessage("group " + id + " not found");
                }
            } else {
                g.setGroupState(v.state()).setProtocolType(v.protocolType()).setProtocolData(v.protocolName());
                for (GroupView.MemberView m : v.members()) {
                    g.members().add(new DescribeGroupsResponseData.DescribedGroupMember().setMemberId(m.memberId())
                            .setGroupInstanceId(m.groupInstanceId()).setClientId(m.clientId())
                            .setClientHost(m.clientHost()).setMemberMetadata(m.metadata())
                            .setMemberAssignment(m.assignment()));
                }
            }
            resp.groups().add(g);
        }
        return CompletableFuture.completedFuture(new DescribeGroupsResponse(resp));
    }
}
