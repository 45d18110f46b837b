package io.runnel.broker;

import io.runnel.log.Topic;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.message.DescribeConfigsRequestData;
import org.apache.kafka.common.message.DescribeConfigsResponseData;
import org.apache.kafka.common.message.DescribeConfigsResponseData.DescribeConfigsResourceResult;
import org.apache.kafka.common.message.DescribeConfigsResponseData.DescribeConfigsResult;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.DescribeConfigsRequest;
import org.apache.kafka.common.requests.DescribeConfigsResponse;
import org.apache.kafka.common.requests.RequestContext;

/** DescribeConfigs for topics (effective values, overrides marked dynamic) and this broker (static). */
final class DescribeConfigsHandler implements ApiHandler {
    private static final byte DYNAMIC_TOPIC_CONFIG = 1;
    private static final byte STATIC_BROKER_CONFIG = 4;
    private static final byte DEFAULT_CONFIG = 5;
    private final Topics topics;
    private final BrokerConfig config;
    private final ClusterInfo cluster;

    DescribeConfigsHandler(Topics topics, BrokerConfig config, ClusterInfo cluster) {
        this.topics = topics;
        this.config = config;
        this.cluster = cluster;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        DescribeConfigsRequestData req = ((DescribeConfigsRequest) request).data();
        DescribeConfigsResponseData resp = new DescribeConfigsResponseData();
        for (DescribeConfigsRequestData.DescribeConfigsResource res : req.resources()) {
            DescribeConfigsResult r = new DescribeConfigsResult().setResourceType(res.resourceType())
                    .setResourceName(res.resourceName());
            ConfigResource.Type type = ConfigResource.Type.forId(res.resourceType());
            if (type == ConfigResource.Type.TOPIC) {
                Topic t = topics.find(res.resourceName());
                if (t == null) {
                    r.setErrorCode(Errors.UNKNOWN_TOPIC_OR_PARTITION.code());
                } else {
                    add(r, TopicConfigs.effective(t.config(), topics.logs().compaction(t), t.overrides(), config),
                            res.configurationKeys(), t.overrides());
                }
            } else if (type == ConfigResource.Type.BROKER
                    && (res.resourceName().isEmpty() || res.resourceName().equals(String.valueOf(cluster.nodeId())))) {
                add(r, config.all(), res.configurationKeys(), null);
            } else {
                r.setErrorCode(Errors.INVALID_REQUEST.code())
                        .setErrorMessage("unsupported config resource " + type + " '" + res.resourceName() + "'");
            }
            resp.results().add(r);
        }
        return CompletableFuture.completedFuture(new DescribeConfigsResponse(resp));
    }

    private static void add(DescribeConfigsResult r, Map<String, String> values, List<String> keys,
                            Map<String, String> overrides) {
        values.forEach((name, value) -> {
            if (keys == null || keys.contains(name)) {
                byte source = overrides == null ? STATIC_BROKER_CONFIG
                        : overrides.containsKey(name) ? DYNAMIC_TOPIC_CONFIG : DEFAULT_CONFIG;
                r.configs().add(new DescribeConfigsResourceResult().setName(name).setValue(value)
                        .setReadOnly(overrides == null).setConfigSource(source).setIsSensitive(false));
            }
        });
    }
}
