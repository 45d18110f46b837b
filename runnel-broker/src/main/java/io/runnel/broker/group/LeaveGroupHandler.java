package io.runnel.broker.group;

import io.runnel.broker.ApiHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.message.LeaveGroupRequestData;
import org.apache.kafka.common.message.LeaveGroupResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.JoinGroupRequest;
import org.apache.kafka.common.requests.LeaveGroupRequest;
import org.apache.kafka.common.requests.LeaveGroupResponse;
import org.apache.kafka.common.requests.RequestContext;

/** LeaveGroup: one member (v0-2) or a batch of members (v3+). */
final class LeaveGroupHandler implements ApiHandler {
    private final GroupCoordinator coordinator;

    LeaveGroupHandler(GroupCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        LeaveGroupRequestData req = ((LeaveGroupRequest) request).data();
        LeaveGroupResponseData resp = new LeaveGroupResponseData();
        if (context.apiVersion() < 3) {
            Errors e = coordinator.leave(req.groupId(), List.of(req.memberId())).get(0);
            // LeaveGroupResponse below v3 takes the error from the one member response (or the top level)
            resp.setErrorCode(e.code()).members().add(new LeaveGroupResponseData.MemberResponse()
                    .setMemberId(req.memberId()).setErrorCode(e.code()));
        } else {
            List<String> ids = new ArrayList<>();
            List<Errors> errors = new ArrayList<>();
            for (LeaveGroupRequestData.MemberIdentity m : req.members()) {
                String id = m.memberId();
                Errors fenced = Errors.NONE;
                if (m.groupInstanceId() != null) {
                    String holder = coordinator.memberIdOf(req.groupId(), m.groupInstanceId());
                    if (id == null || id.isEmpty() || id.equals(JoinGroupRequest.UNKNOWN_MEMBER_ID)) {
                        id = holder == null ? "" : holder;
                    } else if (holder != null && !holder.equals(id)) {
                        fenced = Errors.FENCED_INSTANCE_ID;
                    }
                }
                ids.add(id);
                errors.add(fenced);
            }
            List<Errors> left = coordinator.leave(req.groupId(), ids);
            for (int i = 0; i < errors.size(); i++) {
                if (errors.get(i) == Errors.NONE) {
                    errors.set(i, left.get(i));
                }
            }
            for (int i = 0; i < ids.size(); i++) {
                resp.members().add(new LeaveGroupResponseData.MemberResponse().setMemberId(ids.get(i))
                        .setGroupInstanceId(req.members().get(i).groupInstanceId())
                        .setErrorCode(errors.get(i).code()));
            }
        }
        return CompletableFuture.completedFuture(new LeaveGroupResponse(resp, context.apiVersion()));
    }
}
