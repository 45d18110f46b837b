package io.runnel.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.message.DescribeLogDirsRequestData;
import org.apache.kafka.common.message.ListOffsetsRequestData;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.OffsetForLeaderEpochRequestData;
import org.apache.kafka.common.message.WriteTxnMarkersRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.AlterConfigsRequest;
import org.apache.kafka.common.requests.DescribeLogDirsRequest;
import org.apache.kafka.common.requests.FetchMetadata;
import org.apache.kafka.common.requests.FetchRequest;
import org.apache.kafka.common.requests.FetchResponse;
import org.apache.kafka.common.requests.ListOffsetsRequest;
import org.apache.kafka.common.requests.MetadataRequest;
import org.apache.kafka.common.requests.OffsetsForLeaderEpochRequest;
import org.apache.kafka.common.requests.WriteTxnMarkersRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every version of the APIs this broker added or extended (epochs, sessions, log dirs, markers) is
 * answered with a response that serializes at that version: a field set in a version lacking it
 * would make the broker's write fail and the connection close.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewApisVersionSweepTest {
    @TempDir
    static Path dir;
    RunnelBroker broker;
    Uuid topicId;

    @BeforeAll
    void start() throws Exception {
        broker = Clients.broker(dir, "log.message.timestamp.type", "LogAppendTime");
        try (Admin admin = Clients.admin(broker); KafkaProducer<String, String> p = Clients.producer(broker)) {
            admin.createTopics(List.of(new NewTopic("sweep", 1, (short) 1))).all().get();
            p.send(new ProducerRecord<>("sweep", 0, null, "v")).get();
            topicId = admin.describeTopics(List.of("sweep")).allTopicNames().get().get("sweep").topicId();
        }
    }

    @AfterAll
    void stop() {
        broker.close();
    }

    /** Sends the request at every version both the broker and the client's builder allow; returns how many. */
    private int sweep(ApiKeys api, java.util.function.IntFunction<AbstractRequest.Builder<?>> make,
                      java.util.function.Consumer<AbstractResponse> check) {
        int sent = 0;
        for (short v = api.oldestVersion(); v <= api.latestVersion(); v++) {
            AbstractRequest.Builder<?> b = make.apply(v);
            if (v >= b.oldestAllowedVersion() && v <= b.latestAllowedVersion() && buildable(b, v)) {
                check.accept(send(b, v));
                sent++;
            }
        }
        assertThat(sent).as("versions of %s tried", api).isPositive();
        return sent;
    }

    /** Whether the client library can build the request at this version (Metadata v0 it cannot). */
    private static boolean buildable(AbstractRequest.Builder<?> b, short v) {
        try {
            b.build(v);
            return true;
        } catch (org.apache.kafka.common.errors.UnsupportedVersionException e) {
            return false;
        }
    }

    private int sweep(ApiKeys api, java.util.function.IntFunction<AbstractRequest.Builder<?>> make) {
        return sweep(api, make, r -> assertThat(r).isNotNull());
    }

    private <R extends AbstractResponse> R send(AbstractRequest.Builder<?> b, int v) {
        try (RawClient raw = new RawClient(broker)) {
            return raw.send(b, (short) v);
        } catch (Exception e) {
            throw new AssertionError(b.apiKey() + " v" + v + " got no response", e);
        }
    }

    @Test
    void offsetForLeaderEpochDescribeLogDirsWriteTxnMarkersAlterConfigs() {
        sweep(ApiKeys.OFFSET_FOR_LEADER_EPOCH, v -> {
            var topics = new OffsetForLeaderEpochRequestData.OffsetForLeaderTopicCollection();
            topics.add(new OffsetForLeaderEpochRequestData.OffsetForLeaderTopic().setTopic("sweep").setPartitions(List.of(
                    new OffsetForLeaderEpochRequestData.OffsetForLeaderPartition().setPartition(0).setLeaderEpoch(0)
                            .setCurrentLeaderEpoch(0))));
            return OffsetsForLeaderEpochRequest.Builder.forConsumer(topics);
        });
        sweep(ApiKeys.DESCRIBE_LOG_DIRS, v -> new DescribeLogDirsRequest.Builder(
                new DescribeLogDirsRequestData().setTopics(null)));
        sweep(ApiKeys.WRITE_TXN_MARKERS, v -> new WriteTxnMarkersRequest.Builder(new WriteTxnMarkersRequestData()
                .setMarkers(List.of(new WriteTxnMarkersRequestData.WritableTxnMarker().setProducerId(12345)
                        .setProducerEpoch((short) 0).setTransactionResult(false).setTopics(List.of(
                                new WriteTxnMarkersRequestData.WritableTxnMarkerTopic().setName("sweep")
                                        .setPartitionIndexes(List.of(0))))))));
        sweep(ApiKeys.ALTER_CONFIGS, v -> new AlterConfigsRequest.Builder(Map.of(
                new ConfigResource(ConfigResource.Type.TOPIC, "sweep"),
                new AlterConfigsRequest.Config(List.of(new AlterConfigsRequest.ConfigEntry("retention.ms", "86400000")))),
                false));
    }

    @Test
    void metadataListOffsetsAndFetchWithEpochsAndSessions() {
        sweep(ApiKeys.METADATA, v -> new MetadataRequest.Builder(new MetadataRequestData().setTopics(List.of(
                new MetadataRequestData.MetadataRequestTopic().setName("sweep").setTopicId(Uuid.ZERO_UUID)))));
        sweep(ApiKeys.LIST_OFFSETS, v -> ListOffsetsRequest.Builder.forConsumer(false,
                IsolationLevel.READ_UNCOMMITTED).setTargetTimes(List.of(new ListOffsetsRequestData.ListOffsetsTopic()
                .setName("sweep").setPartitions(List.of(new ListOffsetsRequestData.ListOffsetsPartition()
                        .setPartitionIndex(0).setTimestamp(ListOffsetsRequest.LATEST_TIMESTAMP))))));
        sweep(ApiKeys.FETCH, v -> {
            Map<TopicPartition, FetchRequest.PartitionData> parts = Map.of(new TopicPartition("sweep", 0),
                    new FetchRequest.PartitionData(topicId, 0, -1, 1 << 20, Optional.of(0)));
            FetchRequest.Builder b = FetchRequest.Builder.forConsumer((short) v, 0, 0, parts);
            return v >= 7 ? b.metadata(FetchMetadata.INITIAL) : b;
        }, r -> {
            FetchResponse f = (FetchResponse) r;
            assertThat(f.error()).isEqualTo(Errors.NONE);
            assertThat(f.data().responses().get(0).partitions().get(0).errorCode()).isZero();
        });
    }
}
