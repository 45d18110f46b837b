package io.runnel.broker;

import static io.runnel.broker.ConformanceFixture.TOPIC;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.message.CreatePartitionsRequestData;
import org.apache.kafka.common.message.CreateTopicsRequestData;
import org.apache.kafka.common.message.DeleteRecordsRequestData;
import org.apache.kafka.common.message.DeleteTopicsRequestData;
import org.apache.kafka.common.message.DescribeConfigsRequestData;
import org.apache.kafka.common.message.DescribeProducersRequestData;
import org.apache.kafka.common.message.ElectLeadersRequestData;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.ListOffsetsRequestData;
import org.apache.kafka.common.message.OffsetCommitRequestData;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;

/**
 * The error branch of the handlers that build their own per-topic errors: requests naming a topic
 * that does not exist (or, for CreateTopics, one that does), so the error responses, written by
 * our code rather than kafka-clients' generic one, are checked at every version too. The expected
 * errors are the ones Apache Kafka 4.4 answers.
 */
final class ErrorPathRequests {
    private static final Map<ApiKeys, MinimalRequests.Case> CASES = new EnumMap<>(ApiKeys.class);
    private static final String MISSING = "conform-missing-" + ConformanceFixture.RUN;
    private static final Uuid MISSING_ID = Uuid.randomUuid();
    private static final Set<Errors> UNKNOWN = Set.of(Errors.UNKNOWN_TOPIC_OR_PARTITION);

    private ErrorPathRequests() {
    }

    static Map<ApiKeys, MinimalRequests.Case> cases() {
        return CASES;
    }

    private static void add(ApiKeys key, MinimalRequests.Builder b, Set<Errors> expected) {
        CASES.put(key, new MinimalRequests.Case(b, v -> expected));
    }

    static {
        // From the version that names topics by id, an unknown id is UNKNOWN_TOPIC_ID.
        CASES.put(ApiKeys.PRODUCE, new MinimalRequests.Case((v, f) -> {
            ProduceRequestData.TopicProduceDataCollection topics = new ProduceRequestData.TopicProduceDataCollection();
            topics.add(new ProduceRequestData.TopicProduceData().setName(MISSING).setTopicId(MISSING_ID).setPartitionData(
                    List.of(new ProduceRequestData.PartitionProduceData().setIndex(0).setRecords(MemoryRecords.withRecords(
                            Compression.NONE, new SimpleRecord(MinimalRequests.bytes("v")))))));
            return new ProduceRequestData().setAcks((short) -1).setTimeoutMs(30_000).setTopicData(topics);
        }, v -> v >= 13 ? Set.of(Errors.UNKNOWN_TOPIC_ID) : UNKNOWN));
        CASES.put(ApiKeys.FETCH, new MinimalRequests.Case((v, f) -> new FetchRequestData().setMaxWaitMs(0).setMinBytes(0)
                .setTopics(List.of(new FetchRequestData.FetchTopic().setTopic(MISSING).setTopicId(MISSING_ID)
                        .setPartitions(List.of(new FetchRequestData.FetchPartition().setPartition(0)
                                .setPartitionMaxBytes(1 << 20))))),
                v -> v >= 13 ? Set.of(Errors.UNKNOWN_TOPIC_ID) : UNKNOWN));
        add(ApiKeys.LIST_OFFSETS, (v, f) -> new ListOffsetsRequestData().setReplicaId(-1).setTopics(List.of(
                new ListOffsetsRequestData.ListOffsetsTopic().setName(MISSING).setPartitions(List.of(
                        new ListOffsetsRequestData.ListOffsetsPartition().setPartitionIndex(0).setTimestamp(-1))))), UNKNOWN);
        add(ApiKeys.DELETE_RECORDS, (v, f) -> new DeleteRecordsRequestData().setTimeoutMs(30_000).setTopics(List.of(
                new DeleteRecordsRequestData.DeleteRecordsTopic().setName(MISSING).setPartitions(List.of(
                        new DeleteRecordsRequestData.DeleteRecordsPartition().setPartitionIndex(0).setOffset(0))))), UNKNOWN);
        add(ApiKeys.DESCRIBE_CONFIGS, (v, f) -> new DescribeConfigsRequestData().setResources(List.of(
                new DescribeConfigsRequestData.DescribeConfigsResource().setResourceType(ConfigResource.Type.TOPIC.id())
                        .setResourceName(MISSING).setConfigurationKeys(null))), UNKNOWN);
        add(ApiKeys.CREATE_PARTITIONS, (v, f) -> new CreatePartitionsRequestData().setTimeoutMs(30_000).setTopics(
                new CreatePartitionsRequestData.CreatePartitionsTopicCollection(List.of(
                        new CreatePartitionsRequestData.CreatePartitionsTopic().setName(MISSING).setCount(2)
                                .setAssignments(null)).iterator())), UNKNOWN);
        add(ApiKeys.DELETE_TOPICS, (v, f) -> {
            DeleteTopicsRequestData d = new DeleteTopicsRequestData().setTimeoutMs(30_000);
            return v >= 6 ? d.setTopics(List.of(new DeleteTopicsRequestData.DeleteTopicState().setName(MISSING)))
                    : d.setTopicNames(List.of(MISSING));
        }, UNKNOWN);
        add(ApiKeys.CREATE_TOPICS, (v, f) -> {
            CreateTopicsRequestData.CreatableTopicCollection topics = new CreateTopicsRequestData.CreatableTopicCollection();
            topics.add(new CreateTopicsRequestData.CreatableTopic().setName(TOPIC).setNumPartitions(1)
                    .setReplicationFactor((short) 1));
            return new CreateTopicsRequestData().setTopics(topics).setTimeoutMs(30_000);
        }, Set.of(Errors.TOPIC_ALREADY_EXISTS));
        add(ApiKeys.ELECT_LEADERS, (v, f) -> new ElectLeadersRequestData().setTimeoutMs(30_000).setTopicPartitions(
                new ElectLeadersRequestData.TopicPartitionsCollection(List.of(new ElectLeadersRequestData.TopicPartitions()
                        .setTopic(MISSING).setPartitions(List.of(0))).iterator())), UNKNOWN);
        add(ApiKeys.DESCRIBE_PRODUCERS, (v, f) -> new DescribeProducersRequestData().setTopics(
                new DescribeProducersRequestData.TopicRequestCollection(List.of(new DescribeProducersRequestData.TopicRequest()
                        .setName(MISSING).setPartitionIndexes(List.of(0))).iterator())), UNKNOWN);
        CASES.put(ApiKeys.OFFSET_COMMIT, new MinimalRequests.Case((v, f) -> new OffsetCommitRequestData()
                .setGroupId(ConformanceFixture.GROUP).setTopics(List.of(new OffsetCommitRequestData.OffsetCommitRequestTopic()
                        .setName(MISSING).setTopicId(MISSING_ID).setPartitions(List.of(
                                new OffsetCommitRequestData.OffsetCommitRequestPartition().setPartitionIndex(0)
                                        .setCommittedOffset(1))))),
                v -> v >= 10 ? Set.of(Errors.UNKNOWN_TOPIC_ID) : UNKNOWN));
    }
}
