package io.runnel.broker.group;

import io.runnel.broker.ApiHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.message.OffsetDeleteRequestData;
import org.apache.kafka.common.message.OffsetDeleteResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.OffsetDeleteRequest;
import org.apache.kafka.common.requests.OffsetDeleteResponse;
import org.apache.kafka.common.requests.RequestContext;

/**
 * OffsetDelete: deletes committed offsets of a group without members. A group with members is
 * refused as a whole (GROUP_SUBSCRIBED_TO_TOPIC): subscriptions are not inspected.
 */
final class OffsetDeleteHandler implements ApiHandler {
    private final GroupCoordinator classic;
    private final ConsumerGroupCoordinator consumerGroups;
    private final OffsetStore offsets;

    OffsetDeleteHandler(GroupCoordinator classic, ConsumerGroupCoordinator consumerGroups, OffsetStore offsets) {
        this.classic = classic;
        this.consumerGroups = consumerGroups;
        this.offsets = offsets;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        OffsetDeleteRequestData req = ((OffsetDeleteRequest) request).data();
        OffsetDeleteResponseData resp = new OffsetDeleteResponseData();
        String group = req.groupId();
        if (!offsets.groupIds().contains(group) && classic.describe(group) == null && !consumerGroups.isActive(group)) {
            resp.setErrorCode(Errors.GROUP_ID_NOT_FOUND.code());
            return CompletableFuture.completedFuture(new OffsetDeleteResponse(resp));
        }
        boolean active = classic.isActive(group) || consumerGroups.isActive(group);
        List<OffsetStore.TopicPartitionKey> doomed = new ArrayList<>();
        for (OffsetDeleteRequestData.OffsetDeleteRequestTopic t : req.topics()) {
            OffsetDeleteResponseData.OffsetDeleteResponseTopic tr =
                    new OffsetDeleteResponseData.OffsetDeleteResponseTopic().setName(t.name());
            for (OffsetDeleteRequestData.OffsetDeleteRequestPartition p : t.partitions()) {
                Errors e = active ? Errors.GROUP_SUBSCRIBED_TO_TOPIC : Errors.NONE;
                if (!active) {
                    doomed.add(new OffsetStore.TopicPartitionKey(t.name(), p.partitionIndex()));
                }
                tr.partitions().add(new OffsetDeleteResponseData.OffsetDeleteResponsePartition()
                        .setPartitionIndex(p.partitionIndex()).setErrorCode(e.code()));
            }
            resp.topics().add(tr);
        }
        offsets.delete(group, doomed);
        return CompletableFuture.completedFuture(new OffsetDeleteResponse(resp));
    }
}
