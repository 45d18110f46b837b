package io.runnel.broker;

import static io.runnel.broker.ConformanceFixture.GROUP;
import static io.runnel.broker.ConformanceFixture.TOPIC;
import static io.runnel.broker.ConformanceFixture.TXN_ID;
import static io.runnel.broker.ConformanceFixture.TXN_TOPIC;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.message.*;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;

/**
 * For each API, a minimal valid request at a given version, built with kafka-clients' message
 * classes, and the error codes a correct broker may answer it with. Fields that exist only in some
 * versions are set only there, unless they are ignorable (then the generated writer drops them).
 * An API without an entry here gets its default-constructed request.
 */
final class MinimalRequests {
    /** Builds the request under test, preparing whatever state it refers to first. */
    @FunctionalInterface
    interface Builder {
        ApiMessage build(short version, ConformanceFixture f) throws Exception;
    }

    /** A request builder and the errors a correct answer may carry besides NONE, by version. */
    record Case(Builder builder, IntFunction<Set<Errors>> allowedAt) {
        Set<Errors> allowed(short version) {
            return allowedAt.apply(version);
        }
    }

    private static final Map<ApiKeys, Case> CASES = new EnumMap<>(ApiKeys.class);

    private MinimalRequests() {
    }

    static Case forApi(ApiKeys key) {
        Case c = CASES.get(key);
        return c != null ? c : new Case((v, f) -> key.messageType.newRequest(), v -> Set.of());
    }

    static boolean covers(ApiKeys key) {
        return CASES.containsKey(key);
    }

    private static void add(ApiKeys key, Builder b, Errors... allowed) {
        Set<Errors> errors = Set.of(allowed);
        CASES.put(key, new Case(b, v -> errors));
    }

    static {
        add(ApiKeys.API_VERSIONS, (v, f) -> new ApiVersionsRequestData()
                .setClientSoftwareName("runnel-conformance").setClientSoftwareVersion("1.0"));
        add(ApiKeys.METADATA, MinimalRequests::metadata);
        add(ApiKeys.PRODUCE, MinimalRequests::produce);
        add(ApiKeys.FETCH, MinimalRequests::fetch);
        add(ApiKeys.LIST_OFFSETS, MinimalRequests::listOffsets);
        add(ApiKeys.OFFSET_FOR_LEADER_EPOCH, MinimalRequests::offsetForLeaderEpoch);
        add(ApiKeys.CREATE_TOPICS, (v, f) -> {
            CreateTopicsRequestData.CreatableTopicCollection topics = new CreateTopicsRequestData.CreatableTopicCollection();
            topics.add(new CreateTopicsRequestData.CreatableTopic().setName(f.unique("conform-create"))
                    .setNumPartitions(1).setReplicationFactor((short) 1));
            return new CreateTopicsRequestData().setTopics(topics).setTimeoutMs(30_000);
        });
        add(ApiKeys.DELETE_TOPICS, (v, f) -> {
            String name = f.newTopic("conform-delete");
            DeleteTopicsRequestData d = new DeleteTopicsRequestData().setTimeoutMs(30_000);
            return v >= 6 ? d.setTopics(List.of(new DeleteTopicsRequestData.DeleteTopicState().setName(name)))
                    : d.setTopicNames(List.of(name));
        });
        add(ApiKeys.CREATE_PARTITIONS, (v, f) -> new CreatePartitionsRequestData().setTimeoutMs(30_000)
                .setTopics(new CreatePartitionsRequestData.CreatePartitionsTopicCollection(List.of(
                        new CreatePartitionsRequestData.CreatePartitionsTopic().setName(f.newTopic("conform-grow"))
                                .setCount(2).setAssignments(null)).iterator())));
        add(ApiKeys.DELETE_RECORDS, (v, f) -> new DeleteRecordsRequestData().setTimeoutMs(30_000).setTopics(List.of(
                new DeleteRecordsRequestData.DeleteRecordsTopic().setName(TOPIC).setPartitions(List.of(
                        new DeleteRecordsRequestData.DeleteRecordsPartition().setPartitionIndex(1).setOffset(0))))));
        add(ApiKeys.DESCRIBE_CONFIGS, (v, f) -> new DescribeConfigsRequestData()
                .setIncludeSynonyms(v >= 1).setIncludeDocumentation(v >= 3).setResources(List.of(
                        new DescribeConfigsRequestData.DescribeConfigsResource()
                                .setResourceType(ConfigResource.Type.TOPIC.id()).setResourceName(TOPIC)
                                .setConfigurationKeys(null),
                        new DescribeConfigsRequestData.DescribeConfigsResource()
                                .setResourceType(ConfigResource.Type.BROKER.id()).setResourceName("")
                                .setConfigurationKeys(List.of("log.retention.ms")))));
        add(ApiKeys.INCREMENTAL_ALTER_CONFIGS, (v, f) -> {
            IncrementalAlterConfigsRequestData.AlterableConfigCollection configs =
                    new IncrementalAlterConfigsRequestData.AlterableConfigCollection();
            configs.add(new IncrementalAlterConfigsRequestData.AlterableConfig().setName("retention.ms")
                    .setConfigOperation((byte) 0).setValue("604800000"));
            IncrementalAlterConfigsRequestData.AlterConfigsResourceCollection resources =
                    new IncrementalAlterConfigsRequestData.AlterConfigsResourceCollection();
            resources.add(new IncrementalAlterConfigsRequestData.AlterConfigsResource()
                    .setResourceType(ConfigResource.Type.TOPIC.id()).setResourceName(TOPIC).setConfigs(configs));
            return new IncrementalAlterConfigsRequestData().setResources(resources);
        });
        add(ApiKeys.ALTER_CONFIGS, (v, f) -> {
            AlterConfigsRequestData.AlterableConfigCollection configs = new AlterConfigsRequestData.AlterableConfigCollection();
            configs.add(new AlterConfigsRequestData.AlterableConfig().setName("retention.ms").setValue("604800000"));
            AlterConfigsRequestData.AlterConfigsResourceCollection resources =
                    new AlterConfigsRequestData.AlterConfigsResourceCollection();
            resources.add(new AlterConfigsRequestData.AlterConfigsResource().setResourceType(ConfigResource.Type.TOPIC.id())
                    .setResourceName(f.newTopic("conform-alter")).setConfigs(configs));
            return new AlterConfigsRequestData().setResources(resources);
        });
        add(ApiKeys.DESCRIBE_LOG_DIRS, (v, f) -> new DescribeLogDirsRequestData().setTopics(null));
        add(ApiKeys.DESCRIBE_CLUSTER, (v, f) -> new DescribeClusterRequestData());
        add(ApiKeys.ELECT_LEADERS, (v, f) -> new ElectLeadersRequestData().setTimeoutMs(30_000).setTopicPartitions(
                new ElectLeadersRequestData.TopicPartitionsCollection(List.of(new ElectLeadersRequestData.TopicPartitions()
                        .setTopic(TOPIC).setPartitions(List.of(0))).iterator())), Errors.ELECTION_NOT_NEEDED);
        add(ApiKeys.DESCRIBE_PRODUCERS, (v, f) -> new DescribeProducersRequestData().setTopics(
                new DescribeProducersRequestData.TopicRequestCollection(List.of(new DescribeProducersRequestData.TopicRequest()
                        .setName(TOPIC).setPartitionIndexes(List.of(0))).iterator())));
        GroupRequests.register();
        TxnRequests.register();
    }

    private static ApiMessage metadata(short v, ConformanceFixture f) {
        return new MetadataRequestData().setIncludeTopicAuthorizedOperations(v >= 8)
                .setTopics(List.of(new MetadataRequestData.MetadataRequestTopic().setName(TOPIC)));
    }

    private static ApiMessage produce(short v, ConformanceFixture f) {
        MemoryRecords records = MemoryRecords.withRecords(Compression.NONE,
                new SimpleRecord(System.currentTimeMillis(), bytes("key"), bytes("value-v" + v)));
        ProduceRequestData.TopicProduceDataCollection topics = new ProduceRequestData.TopicProduceDataCollection();
        topics.add(new ProduceRequestData.TopicProduceData().setName(TOPIC).setTopicId(f.topicId)
                .setPartitionData(List.of(new ProduceRequestData.PartitionProduceData().setIndex(1).setRecords(records))));
        return new ProduceRequestData().setAcks((short) -1).setTimeoutMs(30_000).setTopicData(topics);
    }

    private static ApiMessage fetch(short v, ConformanceFixture f) {
        return new FetchRequestData().setMaxWaitMs(0).setMinBytes(0).setMaxBytes(1 << 20).setTopics(List.of(
                new FetchRequestData.FetchTopic().setTopic(TOPIC).setTopicId(f.topicId).setPartitions(List.of(
                        new FetchRequestData.FetchPartition().setPartition(0).setFetchOffset(0)
                                .setPartitionMaxBytes(1 << 20)))));
    }

    /** Partition 0 latest, partition 1 earliest: both answer with an offset (and, v4+, a leader epoch). */
    private static ApiMessage listOffsets(short v, ConformanceFixture f) {
        return new ListOffsetsRequestData().setReplicaId(-1).setIsolationLevel((byte) (v >= 2 ? 1 : 0))
                .setTopics(List.of(new ListOffsetsRequestData.ListOffsetsTopic().setName(TOPIC).setPartitions(List.of(
                        new ListOffsetsRequestData.ListOffsetsPartition().setPartitionIndex(0).setTimestamp(-1),
                        new ListOffsetsRequestData.ListOffsetsPartition().setPartitionIndex(1).setTimestamp(-2)))));
    }

    private static ApiMessage offsetForLeaderEpoch(short v, ConformanceFixture f) {
        OffsetForLeaderEpochRequestData.OffsetForLeaderTopicCollection topics =
                new OffsetForLeaderEpochRequestData.OffsetForLeaderTopicCollection();
        topics.add(new OffsetForLeaderEpochRequestData.OffsetForLeaderTopic().setTopic(TOPIC).setPartitions(List.of(
                new OffsetForLeaderEpochRequestData.OffsetForLeaderPartition().setPartition(0).setLeaderEpoch(0))));
        return new OffsetForLeaderEpochRequestData().setReplicaId(-1).setTopics(topics);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The group APIs: classic protocol, committed offsets, KIP-848. */
    private static final class GroupRequests {
        static void register() {
            add(ApiKeys.FIND_COORDINATOR, (v, f) -> v >= 4
                    ? new FindCoordinatorRequestData().setKeyType((byte) 0).setCoordinatorKeys(List.of(GROUP))
                    : new FindCoordinatorRequestData().setKeyType((byte) 0).setKey(GROUP));
            add(ApiKeys.OFFSET_COMMIT, (v, f) -> new OffsetCommitRequestData().setGroupId(GROUP).setTopics(List.of(
                    new OffsetCommitRequestData.OffsetCommitRequestTopic().setName(TOPIC).setTopicId(f.topicId)
                            .setPartitions(List.of(new OffsetCommitRequestData.OffsetCommitRequestPartition()
                                    .setPartitionIndex(0).setCommittedOffset(1).setCommittedMetadata("m"))))));
            add(ApiKeys.OFFSET_FETCH, GroupRequests::offsetFetch);
            add(ApiKeys.JOIN_GROUP, (v, f) -> {
                String group = f.unique("conform-join");
                return ConformanceFixture.join(group, v >= 4 ? f.requiredMemberId(group, v) : "");
            });
            add(ApiKeys.SYNC_GROUP, (v, f) -> {
                ConformanceFixture.Member m = f.joinedMember("conform-sync");
                SyncGroupRequestData d = new SyncGroupRequestData().setGroupId(m.groupId()).setMemberId(m.memberId())
                        .setGenerationId(m.generation()).setProtocolType("consumer").setProtocolName("range")
                        .setAssignments(List.of(new SyncGroupRequestData.SyncGroupRequestAssignment()
                                .setMemberId(m.memberId()).setAssignment(bytes("assignment"))));
                return d;
            });
            add(ApiKeys.HEARTBEAT, (v, f) -> {
                ConformanceFixture.Member m = f.syncedMember("conform-heartbeat");
                return new HeartbeatRequestData().setGroupId(m.groupId()).setMemberId(m.memberId())
                        .setGenerationId(m.generation());
            });
            add(ApiKeys.LEAVE_GROUP, (v, f) -> {
                ConformanceFixture.Member m = f.syncedMember("conform-leave");
                LeaveGroupRequestData d = new LeaveGroupRequestData().setGroupId(m.groupId());
                return v >= 3 ? d.setMembers(List.of(new LeaveGroupRequestData.MemberIdentity().setMemberId(m.memberId())))
                        : d.setMemberId(m.memberId());
            });
            // An unknown group is Dead with no error before v6 and GROUP_ID_NOT_FOUND from v6 (as Kafka answers).
            CASES.put(ApiKeys.DESCRIBE_GROUPS, new Case((v, f) -> new DescribeGroupsRequestData()
                    .setIncludeAuthorizedOperations(v >= 3).setGroups(List.of(GROUP, f.syncedMember("conform-describe")
                            .groupId(), f.unique("conform-no-such-group"))),
                    v -> v >= 6 ? Set.of(Errors.GROUP_ID_NOT_FOUND) : Set.of()));
            add(ApiKeys.LIST_GROUPS, (v, f) -> new ListGroupsRequestData());
            add(ApiKeys.DELETE_GROUPS, (v, f) -> new DeleteGroupsRequestData()
                    .setGroupsNames(List.of(f.newGroupWithOffsets("conform-delete-group"))));
            add(ApiKeys.OFFSET_DELETE, (v, f) -> {
                OffsetDeleteRequestData.OffsetDeleteRequestTopicCollection topics =
                        new OffsetDeleteRequestData.OffsetDeleteRequestTopicCollection();
                topics.add(new OffsetDeleteRequestData.OffsetDeleteRequestTopic().setName(TOPIC).setPartitions(List.of(
                        new OffsetDeleteRequestData.OffsetDeleteRequestPartition().setPartitionIndex(0))));
                return new OffsetDeleteRequestData().setGroupId(f.newGroupWithOffsets("conform-offset-delete"))
                        .setTopics(topics);
            });
            add(ApiKeys.CONSUMER_GROUP_HEARTBEAT, (v, f) -> ConformanceFixture.consumerGroupJoin(
                    f.unique("conform-848"), v >= 1 ? UUID.randomUUID().toString() : ""));
            add(ApiKeys.CONSUMER_GROUP_DESCRIBE, (v, f) -> new ConsumerGroupDescribeRequestData()
                    .setGroupIds(List.of(f.newConsumerGroup("conform-848-describe"))));
        }

        private static ApiMessage offsetFetch(short v, ConformanceFixture f) {
            if (v < 8) {
                return new OffsetFetchRequestData().setGroupId(GROUP).setTopics(List.of(
                        new OffsetFetchRequestData.OffsetFetchRequestTopic().setName(TOPIC).setPartitionIndexes(List.of(0))));
            }
            return new OffsetFetchRequestData().setGroups(List.of(new OffsetFetchRequestData.OffsetFetchRequestGroup()
                    .setGroupId(GROUP).setTopics(List.of(new OffsetFetchRequestData.OffsetFetchRequestTopics()
                            .setName(TOPIC).setTopicId(f.topicId).setPartitionIndexes(List.of(0))))));
        }
    }

    /** Idempotent and transactional producer APIs. */
    private static final class TxnRequests {
        static void register() {
            add(ApiKeys.INIT_PRODUCER_ID, (v, f) -> new InitProducerIdRequestData().setTransactionalId(null)
                    .setTransactionTimeoutMs(60_000));
            add(ApiKeys.ADD_PARTITIONS_TO_TXN, TxnRequests::addPartitions);
            add(ApiKeys.ADD_OFFSETS_TO_TXN, (v, f) -> {
                ConformanceFixture.Txn t = f.newTxn();
                return new AddOffsetsToTxnRequestData().setTransactionalId(t.transactionalId())
                        .setProducerId(t.producerId()).setProducerEpoch(t.epoch()).setGroupId(GROUP);
            });
            add(ApiKeys.TXN_OFFSET_COMMIT, (v, f) -> {
                ConformanceFixture.Txn t = f.newTxnWithOffsets();
                return new TxnOffsetCommitRequestData().setTransactionalId(t.transactionalId()).setGroupId(GROUP)
                        .setProducerId(t.producerId()).setProducerEpoch(t.epoch()).setTopics(List.of(
                                new TxnOffsetCommitRequestData.TxnOffsetCommitRequestTopic().setName(TOPIC)
                                        .setTopicId(f.topicId).setPartitions(List.of(
                                                new TxnOffsetCommitRequestData.TxnOffsetCommitRequestPartition()
                                                        .setPartitionIndex(0).setCommittedOffset(1)))));
            });
            add(ApiKeys.END_TXN, (v, f) -> {
                ConformanceFixture.Txn t = f.newTxnWithPartition();
                return new EndTxnRequestData().setTransactionalId(t.transactionalId()).setProducerId(t.producerId())
                        .setProducerEpoch(t.epoch()).setCommitted(true);
            });
            add(ApiKeys.WRITE_TXN_MARKERS, (v, f) -> {
                ConformanceFixture.Txn t = f.newTxnWithPartition();
                return new WriteTxnMarkersRequestData().setMarkers(List.of(
                        new WriteTxnMarkersRequestData.WritableTxnMarker().setProducerId(t.producerId())
                                .setProducerEpoch(t.epoch()).setTransactionResult(false).setCoordinatorEpoch(0)
                                .setTopics(List.of(new WriteTxnMarkersRequestData.WritableTxnMarkerTopic()
                                        .setName(TXN_TOPIC).setPartitionIndexes(List.of(0))))));
            });
            add(ApiKeys.LIST_TRANSACTIONS, (v, f) -> new ListTransactionsRequestData());
            add(ApiKeys.DESCRIBE_TRANSACTIONS, (v, f) -> new DescribeTransactionsRequestData()
                    .setTransactionalIds(List.of(TXN_ID, f.newTxnWithPartition().transactionalId())));
        }

        /** v0-3: the client form for one transaction; v4+: the batched form brokers use. */
        private static ApiMessage addPartitions(short v, ConformanceFixture f) throws Exception {
            ConformanceFixture.Txn t = f.newTxn();
            AddPartitionsToTxnRequestData.AddPartitionsToTxnTopicCollection topics =
                    new AddPartitionsToTxnRequestData.AddPartitionsToTxnTopicCollection();
            topics.add(new AddPartitionsToTxnRequestData.AddPartitionsToTxnTopic().setName(TXN_TOPIC)
                    .setPartitions(List.of(0)));
            if (v < 4) {
                return new AddPartitionsToTxnRequestData().setV3AndBelowTransactionalId(t.transactionalId())
                        .setV3AndBelowProducerId(t.producerId()).setV3AndBelowProducerEpoch(t.epoch())
                        .setV3AndBelowTopics(topics);
            }
            AddPartitionsToTxnRequestData.AddPartitionsToTxnTransactionCollection txns =
                    new AddPartitionsToTxnRequestData.AddPartitionsToTxnTransactionCollection();
            txns.add(new AddPartitionsToTxnRequestData.AddPartitionsToTxnTransaction()
                    .setTransactionalId(t.transactionalId()).setProducerId(t.producerId())
                    .setProducerEpoch(t.epoch()).setTopics(topics));
            return new AddPartitionsToTxnRequestData().setTransactions(txns);
        }
    }
}
