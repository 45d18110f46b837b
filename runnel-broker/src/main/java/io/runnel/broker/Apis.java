package io.runnel.broker;

import io.runnel.broker.group.ConsumerGroupCoordinator;
import io.runnel.broker.group.GroupApis;
import io.runnel.broker.group.GroupCoordinator;
import io.runnel.broker.group.OffsetStore;
import io.runnel.log.LogManager;
import io.runnel.log.Topic;
import java.util.Map;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.common.protocol.ApiKeys;

/** Wires every handler into the dispatch table; the one place that lists what the broker serves. */
final class Apis {
    static final Set<ApiKeys> SUPPORTED = EnumSet.of(ApiKeys.API_VERSIONS, ApiKeys.METADATA, ApiKeys.PRODUCE,
            ApiKeys.FETCH, ApiKeys.LIST_OFFSETS, ApiKeys.INIT_PRODUCER_ID, ApiKeys.CREATE_TOPICS, ApiKeys.DELETE_TOPICS,
            ApiKeys.CREATE_PARTITIONS, ApiKeys.DESCRIBE_CONFIGS, ApiKeys.DESCRIBE_CLUSTER, ApiKeys.FIND_COORDINATOR,
            ApiKeys.JOIN_GROUP, ApiKeys.SYNC_GROUP, ApiKeys.HEARTBEAT, ApiKeys.LEAVE_GROUP, ApiKeys.OFFSET_COMMIT,
            ApiKeys.OFFSET_FETCH, ApiKeys.LIST_GROUPS, ApiKeys.DESCRIBE_GROUPS, ApiKeys.CONSUMER_GROUP_HEARTBEAT,
            ApiKeys.CONSUMER_GROUP_DESCRIBE);

    private Apis() {
    }

    /** Registers all handlers; returns what must be closed with the broker. */
    static AutoCloseable registerAll(KafkaApis apis, BrokerConfig config, LogManager logs, ClusterInfo cluster,
                                     ExecutorService io, ScheduledExecutorService timer) {
        Topics topics = new Topics(logs, config);
        FetchWaiters waiters = new FetchWaiters();
        PartitionStates states = new PartitionStates();
        apis.register(ApiKeys.API_VERSIONS, new ApiVersionsHandler(apis));
        apis.register(ApiKeys.METADATA, new MetadataHandler(topics, cluster));
        apis.register(ApiKeys.PRODUCE, new ProduceHandler(topics, states, waiters));
        apis.register(ApiKeys.FETCH, new FetchHandler(topics, waiters, timer, io, config.fetchMaxBytes()));
        apis.register(ApiKeys.LIST_OFFSETS, new ListOffsetsHandler(topics));
        apis.register(ApiKeys.INIT_PRODUCER_ID, new InitProducerIdHandler(new ProducerIdManager(logs.dataDir())));
        TopicAdmin admin = new TopicAdmin(topics, states, waiters);
        apis.register(ApiKeys.CREATE_TOPICS, new CreateTopicsHandler(topics, config));
        apis.register(ApiKeys.DELETE_TOPICS, new DeleteTopicsHandler(topics, admin));
        apis.register(ApiKeys.CREATE_PARTITIONS, new CreatePartitionsHandler(topics));
        apis.register(ApiKeys.DESCRIBE_CONFIGS, new DescribeConfigsHandler(topics, config, cluster));
        apis.register(ApiKeys.DESCRIBE_CLUSTER, new DescribeClusterHandler(cluster));
        Topic offsetsTopic = logs.topic(Topics.OFFSETS_TOPIC);
        if (offsetsTopic == null) {
            offsetsTopic = logs.createTopic(Topics.OFFSETS_TOPIC, 1, Map.of("flush.messages", "1",
                    "retention.ms", "-1", "segment.bytes", config.get("offsets.topic.segment.bytes")));
        }
        OffsetStore offsets = new OffsetStore(offsetsTopic.partition(0),
                2L * Long.parseLong(config.get("offsets.topic.segment.bytes")));
        GroupCoordinator coordinator = new GroupCoordinator(timer, config.initialRebalanceDelayMs(),
                config.minSessionTimeoutMs(), config.maxSessionTimeoutMs());
        ConsumerGroupCoordinator consumerGroups = new ConsumerGroupCoordinator(topics, timer,
                config.getInt("group.consumer.session.timeout.ms"), config.getInt("group.consumer.heartbeat.interval.ms"));
        GroupApis.handlers(coordinator, consumerGroups, offsets, topics, cluster).forEach(apis::register);
        if (!apis.supported().equals(SUPPORTED)) {
            throw new IllegalStateException("registered APIs " + apis.supported() + " differ from " + SUPPORTED);
        }
        return () -> {
            consumerGroups.close();
            coordinator.close();
        };
    }
}
