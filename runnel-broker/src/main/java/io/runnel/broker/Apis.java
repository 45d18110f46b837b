package io.runnel.broker;

import io.runnel.broker.group.ConsumerGroupCoordinator;
import io.runnel.broker.group.GroupApis;
import io.runnel.broker.group.GroupCoordinator;
import io.runnel.broker.group.OffsetStore;
import io.runnel.broker.txn.TransactionCoordinator;
import io.runnel.broker.txn.TxnApis;
import io.runnel.broker.txn.TxnCleanerHooks;
import io.runnel.broker.txn.TxnPartitions;
import io.runnel.log.LogManager;
import io.runnel.log.Topic;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;

/** Wires every handler into the dispatch table; the one place that lists what the broker serves. */
final class Apis {
    private static final Logger LOG = LoggerFactory.getLogger(Apis.class);
    static final Set<ApiKeys> SUPPORTED = EnumSet.of(ApiKeys.API_VERSIONS, ApiKeys.METADATA, ApiKeys.PRODUCE,
            ApiKeys.FETCH, ApiKeys.LIST_OFFSETS, ApiKeys.INIT_PRODUCER_ID, ApiKeys.CREATE_TOPICS, ApiKeys.DELETE_TOPICS,
            ApiKeys.CREATE_PARTITIONS, ApiKeys.DESCRIBE_CONFIGS, ApiKeys.DESCRIBE_CLUSTER, ApiKeys.FIND_COORDINATOR,
            ApiKeys.JOIN_GROUP, ApiKeys.SYNC_GROUP, ApiKeys.HEARTBEAT, ApiKeys.LEAVE_GROUP, ApiKeys.OFFSET_COMMIT,
            ApiKeys.OFFSET_FETCH, ApiKeys.LIST_GROUPS, ApiKeys.DESCRIBE_GROUPS, ApiKeys.CONSUMER_GROUP_HEARTBEAT,
            ApiKeys.CONSUMER_GROUP_DESCRIBE, ApiKeys.ADD_PARTITIONS_TO_TXN, ApiKeys.ADD_OFFSETS_TO_TXN,
            ApiKeys.TXN_OFFSET_COMMIT, ApiKeys.END_TXN, ApiKeys.INCREMENTAL_ALTER_CONFIGS,
            ApiKeys.DELETE_GROUPS, ApiKeys.OFFSET_DELETE, ApiKeys.DELETE_RECORDS,
            ApiKeys.DESCRIBE_PRODUCERS, ApiKeys.ELECT_LEADERS, ApiKeys.LIST_TRANSACTIONS, ApiKeys.DESCRIBE_TRANSACTIONS,
            ApiKeys.DESCRIBE_LOG_DIRS, ApiKeys.ALTER_CONFIGS, ApiKeys.WRITE_TXN_MARKERS, ApiKeys.OFFSET_FOR_LEADER_EPOCH);

    private Apis() {
    }

    /** Registers all handlers; returns what must be closed with the broker. */
    static AutoCloseable registerAll(KafkaApis apis, BrokerConfig config, LogManager logs, ClusterInfo cluster,
                                     ExecutorService io, ScheduledExecutorService timer) {
        Topics topics = new Topics(logs, config);
        FetchWaiters waiters = new FetchWaiters();
        PartitionStates states = new PartitionStates();
        TxnPartitions txnPartitions = new TxnPartitions();
        ProducerIdManager ids = new ProducerIdManager(logs.dataDir());
        OffsetStore offsets = new OffsetStore(internalTopic(logs, Topics.OFFSETS_TOPIC, config).partition(0));
        TransactionCoordinator transactions = new TransactionCoordinator(topics, txnPartitions, offsets, ids,
                internalTopic(logs, Topics.TRANSACTION_STATE_TOPIC, config).partition(0), waiters::onAppend,
                config.getInt("transaction.max.timeout.ms"), timer);
        logs.startCleaner(config.cleanerConfig(), new TxnCleanerHooks(txnPartitions));

        apis.register(ApiKeys.API_VERSIONS, new ApiVersionsHandler(apis));
        apis.register(ApiKeys.METADATA, new MetadataHandler(topics, cluster));
        apis.register(ApiKeys.PRODUCE, new ProduceHandler(topics, states, waiters, transactions, txnPartitions));
        apis.register(ApiKeys.FETCH, new FetchHandler(topics, waiters, timer, io, config.fetchMaxBytes(), txnPartitions,
                new FetchSessionCache(config.getInt("max.incremental.fetch.session.cache.slots"),
                        System::currentTimeMillis)));
        apis.register(ApiKeys.LIST_OFFSETS, new ListOffsetsHandler(topics, txnPartitions));
        apis.register(ApiKeys.INIT_PRODUCER_ID, new InitProducerIdHandler(ids, transactions));
        TopicAdmin admin = new TopicAdmin(topics, states, waiters, txnPartitions);
        apis.register(ApiKeys.CREATE_TOPICS, new CreateTopicsHandler(topics, config));
        apis.register(ApiKeys.DELETE_TOPICS, new DeleteTopicsHandler(topics, admin));
        apis.register(ApiKeys.CREATE_PARTITIONS, new CreatePartitionsHandler(topics));
        apis.register(ApiKeys.DESCRIBE_CONFIGS, new DescribeConfigsHandler(topics, config, cluster));
        apis.register(ApiKeys.DESCRIBE_CLUSTER, new DescribeClusterHandler(cluster));
        apis.register(ApiKeys.INCREMENTAL_ALTER_CONFIGS, new IncrementalAlterConfigsHandler(topics));
        apis.register(ApiKeys.DELETE_RECORDS, new DeleteRecordsHandler(topics));
        apis.register(ApiKeys.DESCRIBE_PRODUCERS, new DescribeProducersHandler(topics, states, txnPartitions));
        apis.register(ApiKeys.ELECT_LEADERS, new ElectLeadersHandler(topics));
        apis.register(ApiKeys.OFFSET_FOR_LEADER_EPOCH, new OffsetForLeaderEpochHandler(topics));
        apis.register(ApiKeys.DESCRIBE_LOG_DIRS, new DescribeLogDirsHandler(topics));
        apis.register(ApiKeys.ALTER_CONFIGS, new AlterConfigsHandler(topics));
        apis.register(ApiKeys.WRITE_TXN_MARKERS, new WriteTxnMarkersHandler(topics, states, txnPartitions, waiters));
        GroupCoordinator coordinator = new GroupCoordinator(timer, config.initialRebalanceDelayMs(),
                config.minSessionTimeoutMs(), config.maxSessionTimeoutMs());
        ConsumerGroupCoordinator consumerGroups = new ConsumerGroupCoordinator(topics, timer,
                config.getInt("group.consumer.session.timeout.ms"), config.getInt("group.consumer.heartbeat.interval.ms"));
        GroupApis.handlers(coordinator, consumerGroups, offsets, topics, cluster,
                transactions::hasPendingOffset).forEach(apis::register);
        long retentionMs = config.getLong("offsets.retention.minutes") * 60_000L;
        long checkMs = config.getLong("offsets.retention.check.interval.ms");
        ScheduledFuture<?> offsetExpiry = timer.scheduleWithFixedDelay(() -> {
            try {
                offsets.expire(System.currentTimeMillis(), retentionMs,
                        g -> coordinator.isActive(g) || consumerGroups.isActive(g));
            } catch (RuntimeException e) {
                LOG.warn("Expiring committed offsets failed", e);
            }
        }, checkMs, checkMs, TimeUnit.MILLISECONDS);
        TxnApis.handlers(transactions, topics, (group, member, generation) -> {
            Errors e = consumerGroups.validateCommit(group, member, generation);
            return e != null ? e : coordinator.validateCommit(group, member, generation);
        }).forEach(apis::register);
        if (!apis.supported().equals(SUPPORTED)) {
            throw new IllegalStateException("registered APIs " + apis.supported() + " differ from " + SUPPORTED);
        }
        return () -> {
            offsetExpiry.cancel(false);
            transactions.close();
            consumerGroups.close();
            coordinator.close();
        };
    }

    /**
     * An internal single-partition topic, fsynced per write and compacted (so it holds about one
     * record per key); created if missing, and switched to compaction if an older broker made it.
     */
    private static Topic internalTopic(LogManager logs, String name, BrokerConfig config) {
        Map<String, String> wanted = Map.of("flush.messages", "1", "retention.ms", "-1", "cleanup.policy", "compact",
                "segment.bytes", config.get("offsets.topic.segment.bytes"));
        Topic t = logs.topic(name);
        if (t == null) {
            return logs.createTopic(name, 1, wanted);
        }
        if (!logs.compaction(t).compact()) {
            Map<String, String> overrides = new java.util.HashMap<>(t.overrides());
            overrides.put("cleanup.policy", "compact");
            logs.alterTopicConfig(name, overrides);
        }
        return t;
    }
}
