package io.runnel.broker.group;

import io.runnel.broker.ApiHandler;
import io.runnel.broker.ClusterInfo;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.message.FindCoordinatorRequestData;
import org.apache.kafka.common.message.FindCoordinatorResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.FindCoordinatorRequest;
import org.apache.kafka.common.requests.FindCoordinatorResponse;
import org.apache.kafka.common.requests.RequestContext;

/** FindCoordinator: this broker coordinates every group and transactional id (share groups: not available). */
final class FindCoordinatorHandler implements ApiHandler {
    private static final byte GROUP = 0;
    private static final byte TRANSACTION = 1;
    private final ClusterInfo cluster;

    FindCoordinatorHandler(ClusterInfo cluster) {
        this.cluster = cluster;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        FindCoordinatorRequestData req = ((FindCoordinatorRequest) request).data();
        FindCoordinatorResponseData resp = new FindCoordinatorResponseData();
        Errors error = req.keyType() == GROUP || req.keyType() == TRANSACTION ? Errors.NONE
                : Errors.COORDINATOR_NOT_AVAILABLE;
        if (context.apiVersion() >= 4) {
            for (String key : req.coordinatorKeys()) {
                FindCoordinatorResponseData.Coordinator c = new FindCoordinatorResponseData.Coordinator().setKey(key)
                        .setErrorCode(error.code());
                if (error == Errors.NONE) {
                    c.setNodeId(cluster.nodeId()).setHost(cluster.host()).setPort(cluster.port());
                } else {
                    c.setNodeId(-1).setHost("").setPort(-1).setErrorMessage("share groups are not supported");
                }
                resp.coordinators().add(c);
            }
        } else if (error == Errors.NONE) {
            resp.setNodeId(cluster.nodeId()).setHost(cluster.host()).setPort(cluster.port());
        } else {
            resp.setErrorCode(error.code()).setNodeId(-1).setHost("").setPort(-1);
        }
        return CompletableFuture.completedFuture(new FindCoordinatorResponse(resp));
    }
}
