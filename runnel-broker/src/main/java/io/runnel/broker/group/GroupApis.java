package io.runnel.broker.group;

import io.runnel.broker.ApiHandler;
import io.runnel.broker.ClusterInfo;
import io.runnel.broker.Topics;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.message.ConsumerGroupDescribeResponseData;
import org.apache.kafka.common.requests.ConsumerGroupDescribeRequest;
import org.apache.kafka.common.requests.ConsumerGroupDescribeResponse;
import org.apache.kafka.common.protocol.ApiKeys;

/** The group API handlers, keyed by API, for the broker's dispatch table. */
public final class GroupApis {
    private GroupApis() {
    }

    public static Map<ApiKeys, ApiHandler> handlers(GroupCoordinator coordinator, ConsumerGroupCoordinator consumerGroups,
                                                    OffsetStore offsets, Topics topics, ClusterInfo cluster,
                                                    PendingTxnOffsets pendingTxnOffsets) {
        coordinator.consumerGroupActive(consumerGroups::isActive);
        consumerGroups.classicGroupActive(coordinator::isActive);
        Map<ApiKeys, ApiHandler> m = new EnumMap<>(ApiKeys.class);
        m.put(ApiKeys.FIND_COORDINATOR, new FindCoordinatorHandler(cluster));
        m.put(ApiKeys.JOIN_GROUP, new JoinGroupHandler(coordinator));
        m.put(ApiKeys.SYNC_GROUP, new SyncGroupHandler(coordinator));
        m.put(ApiKeys.HEARTBEAT, new HeartbeatHandler(coordinator));
        m.put(ApiKeys.LEAVE_GROUP, new LeaveGroupHandler(coordinator));
        m.put(ApiKeys.OFFSET_COMMIT, new OffsetCommitHandler(coordinator, consumerGroups, offsets, topics));
        m.put(ApiKeys.OFFSET_FETCH, new OffsetFetchHandler(offsets, topics, pendingTxnOffsets));
        m.put(ApiKeys.LIST_GROUPS, new ListGroupsHandler(coordinator, consumerGroups, offsets));
        m.put(ApiKeys.DESCRIBE_GROUPS, new DescribeGroupsHandler(coordinator, offsets));
        m.put(ApiKeys.DELETE_GROUPS, new DeleteGroupsHandler(coordinator, consumerGroups, offsets));
        m.put(ApiKeys.OFFSET_DELETE, new OffsetDeleteHandler(coordinator, consumerGroups, offsets));
        m.put(ApiKeys.CONSUMER_GROUP_HEARTBEAT, new ConsumerGroupHeartbeatHandler(consumerGroups));
        m.put(ApiKeys.CONSUMER_GROUP_DESCRIBE, (context, request) -> {
            ConsumerGroupDescribeResponseData resp = new ConsumerGroupDescribeResponseData();
            ((ConsumerGroupDescribeRequest) request).data().groupIds()
                    .forEach(id -> resp.groups().add(consumerGroups.describe(id)));
            return CompletableFuture.completedFuture(new ConsumerGroupDescribeResponse(resp));
        });
        return m;
    }
}
