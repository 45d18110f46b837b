package io.runnel.broker;

import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.message.DescribeClusterRequestData;
import org.apache.kafka.common.message.DescribeClusterResponseData;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.DescribeClusterRequest;
import org.apache.kafka.common.requests.DescribeClusterResponse;
import org.apache.kafka.common.requests.RequestContext;

/** DescribeCluster: one broker, which is also the controller. */
final class DescribeClusterHandler implements ApiHandler {
    private final ClusterInfo cluster;

    DescribeClusterHandler(ClusterInfo cluster) {
        this.cluster = cluster;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        DescribeClusterRequestData req = ((DescribeClusterRequest) request).data();
        DescribeClusterResponseData resp = new DescribeClusterResponseData().setClusterId(cluster.clusterId())
                .setControllerId(cluster.nodeId()).setEndpointType(req.endpointType())
                .setClusterAuthorizedOperations(Integer.MIN_VALUE);
        resp.brokers().add(new DescribeClusterResponseData.DescribeClusterBroker().setBrokerId(cluster.nodeId())
                .setHost(cluster.host()).setPort(cluster.port()));
        return CompletableFuture.completedFuture(new DescribeClusterResponse(resp));
    }
}
