package io.runnel.broker;

import io.runnel.log.LogManager;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.common.protocol.ApiKeys;

/** Wires every handler into the dispatch table; the one place that lists what the broker serves. */
final class Apis {
    static final Set<ApiKeys> SUPPORTED = EnumSet.of(ApiKeys.API_VERSIONS, ApiKeys.METADATA, ApiKeys.PRODUCE,
            ApiKeys.FETCH, ApiKeys.LIST_OFFSETS, ApiKeys.INIT_PRODUCER_ID, ApiKeys.CREATE_TOPICS, ApiKeys.DELETE_TOPICS,
            ApiKeys.CREATE_PARTITIONS, ApiKeys.DESCRIBE_CONFIGS, ApiKeys.DESCRIBE_CLUSTER);

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
        apis.register(ApiKeys.FETCH, new FetchHandler(topics, waiters, timer, io));
        apis.register(ApiKeys.LIST_OFFSETS, new ListOffsetsHandler(topics));
        apis.register(ApiKeys.INIT_PRODUCER_ID, new InitProducerIdHandler(new ProducerIdManager(logs.dataDir())));
        TopicAdmin admin = new TopicAdmin(topics, states, waiters);
        apis.register(ApiKeys.CREATE_TOPICS, new CreateTopicsHandler(topics, config));
        apis.register(ApiKeys.DELETE_TOPICS, new DeleteTopicsHandler(topics, admin));
        apis.register(ApiKeys.CREATE_PARTITIONS, new CreatePartitionsHandler(topics));
        apis.register(ApiKeys.DESCRIBE_CONFIGS, new DescribeConfigsHandler(topics, config, cluster));
        apis.register(ApiKeys.DESCRIBE_CLUSTER, new DescribeClusterHandler(cluster));
        return () -> { };
    }
}
