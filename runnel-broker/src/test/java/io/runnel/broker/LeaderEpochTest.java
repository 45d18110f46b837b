package io.runnel.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.LogTruncationException;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.message.ListOffsetsRequestData;
import org.apache.kafka.common.message.OffsetForLeaderEpochRequestData;
import org.apache.kafka.common.message.OffsetForLeaderEpochResponseData.EpochEndOffset;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.ListOffsetsRequest;
import org.apache.kafka.common.requests.ListOffsetsResponse;
import org.apache.kafka.common.requests.OffsetsForLeaderEpochRequest;
import org.apache.kafka.common.requests.OffsetsForLeaderEpochResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leader epochs (KIP-320): stamped into batches, a new one per broker start, OffsetForLeaderEpoch. */
class LeaderEpochTest {
    private static final TopicPartition TP = new TopicPartition("e", 0);
    @TempDir
    Path dir;

    @Test
    void epochsAreStampedAnsweredAndBumpedByARestart() throws Exception {
        try (RunnelBroker broker = Clients.broker(dir); Admin admin = Clients.admin(broker)) {
            admin.createTopics(List.of(new NewTopic("e", 1, (short) 1))).all().get();
            produce(broker, 5);
            assertThat(read(broker, 0, 5)).extracting(ConsumerRecord::leaderEpoch).containsOnly(Optional.of(0));
        }
        try (RunnelBroker broker = Clients.broker(dir); RawClient raw = new RawClient(broker)) {
            produce(broker, 3);
            List<ConsumerRecord<String, String>> records = read(broker, 0, 8);
            assertThat(records).extracting(ConsumerRecord::leaderEpoch).containsExactly(Optional.of(0),
                    Optional.of(0), Optional.of(0), Optional.of(0), Optional.of(0), Optional.of(1), Optional.of(1),
                    Optional.of(1));
            assertThat(endOffset(raw, -1, 0)).isEqualTo(answer(0, 5, Errors.NONE)); // where epoch 1 began
            assertThat(endOffset(raw, 1, 1)).isEqualTo(answer(1, 8, Errors.NONE));  // current: the log end
            assertThat(endOffset(raw, -1, 7)).isEqualTo(answer(-1, -1, Errors.NONE)); // unknown epoch
            assertThat(endOffset(raw, 0, 0).errorCode()).isEqualTo(Errors.FENCED_LEADER_EPOCH.code());
            assertThat(endOffset(raw, 2, 0).errorCode()).isEqualTo(Errors.UNKNOWN_LEADER_EPOCH.code());

            assertThat(listOffset(raw, ListOffsetsRequest.LATEST_TIMESTAMP, -1).leaderEpoch()).isEqualTo(1);
            assertThat(listOffset(raw, ListOffsetsRequest.EARLIEST_TIMESTAMP, -1).leaderEpoch()).isZero();
            assertThat(listOffset(raw, ListOffsetsRequest.LATEST_TIMESTAMP, 0).errorCode())
                    .isEqualTo(Errors.FENCED_LEADER_EPOCH.code());
        }
    }

    @Test
    void consumerResumesFromACommittedOffsetAndEpochAfterARestart() throws Exception {
        try (RunnelBroker broker = Clients.broker(dir); Admin admin = Clients.admin(broker)) {
            admin.createTopics(List.of(new NewTopic("e", 1, (short) 1))).all().get();
            produce(broker, 10);
            try (KafkaConsumer<String, String> c = Clients.consumer(broker, "group.id", "g")) {
                c.commitSync(Map.of(TP, new OffsetAndMetadata(6, Optional.of(0), "")));
            }
        }
        try (RunnelBroker broker = Clients.broker(dir)) {
            produce(broker, 2);
            try (KafkaConsumer<String, String> c = Clients.consumer(broker, "group.id", "g",
                    "auto.offset.reset", "none")) {
                c.assign(Set.of(TP));
                List<Long> offsets = new ArrayList<>();
                long deadline = System.currentTimeMillis() + 15_000;
                while (offsets.size() < 6 && System.currentTimeMillis() < deadline) {
                    c.poll(Duration.ofMillis(100)).forEach(r -> offsets.add(r.offset()));
                }
                assertThat(offsets).containsExactly(6L, 7L, 8L, 9L, 10L, 11L);
            }
        }
    }

    @Test
    void aRunningConsumerFollowsTheNewEpochAcrossARestartOnTheSamePort() throws Exception {
        RunnelBroker first = Clients.broker(dir);
        int port = first.port();
        try (Admin admin = Clients.admin(first)) {
            admin.createTopics(List.of(new NewTopic("e", 1, (short) 1))).all().get();
        }
        produce(first, 3);
        try (KafkaConsumer<String, String> c = Clients.consumer(first, "auto.offset.reset", "none")) {
            c.assign(Set.of(TP));
            c.seek(TP, 0);
            List<ConsumerRecord<String, String>> got = new ArrayList<>(poll(c, 3));
            first.close();
            try (RunnelBroker second = Clients.broker(dir, "port", String.valueOf(port))) {
                produce(second, 3);
                got.addAll(poll(c, 3)); // fetches in epoch 0 are fenced; the consumer refreshes and validates
            }
            assertThat(got).extracting(ConsumerRecord::offset).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
            assertThat(got.get(2).leaderEpoch()).contains(0);
            assertThat(got.get(3).leaderEpoch()).contains(1);
        }
    }

    private static List<ConsumerRecord<String, String>> poll(KafkaConsumer<String, String> c, int count) {
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 15_000;
        while (out.size() < count && System.currentTimeMillis() < deadline) {
            c.poll(Duration.ofMillis(100)).forEach(out::add);
        }
        return out;
    }

    @Test
    void consumerDetectsLogTruncationWhenAcknowledgedDataWasLost() throws Exception {
        try (RunnelBroker broker = Clients.broker(dir); Admin admin = Clients.admin(broker)) {
            admin.createTopics(List.of(new NewTopic("e", 1, (short) 1))).all().get();
            produce(broker, 10);
            try (KafkaConsumer<String, String> c = Clients.consumer(broker, "group.id", "g")) {
                c.commitSync(Map.of(TP, new OffsetAndMetadata(8, Optional.of(0), "")));
            }
        }
        cutAfterBatches(dir.resolve("e-0").resolve("00000000000000000000.log"), 5); // a crash lost 5..9
        try (RunnelBroker broker = Clients.broker(dir);
             KafkaConsumer<String, String> c = Clients.consumer(broker, "group.id", "g", "auto.offset.reset", "none")) {
            c.assign(Set.of(TP));
            assertThatThrownBy(() -> {
                long deadline = System.currentTimeMillis() + 15_000;
                while (System.currentTimeMillis() < deadline) {
                    c.poll(Duration.ofMillis(100));
                }
            }).isInstanceOfSatisfying(LogTruncationException.class,
                    e -> assertThat(e.divergentOffsets().get(TP).offset()).isEqualTo(5));
        }
    }

    private static void produce(RunnelBroker broker, int count) throws Exception {
        try (KafkaProducer<String, String> p = Clients.producer(broker)) {
            for (int i = 0; i < count; i++) {
                p.send(new ProducerRecord<>("e", 0, null, "v" + i)).get(); // one batch each
            }
        }
    }

    private static List<ConsumerRecord<String, String>> read(RunnelBroker broker, long from, int count) {
        try (KafkaConsumer<String, String> c = Clients.consumer(broker)) {
            c.assign(Set.of(TP));
            c.seek(TP, from);
            List<ConsumerRecord<String, String>> out = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 10_000;
            while (out.size() < count && System.currentTimeMillis() < deadline) {
                c.poll(Duration.ofMillis(100)).forEach(out::add);
            }
            return out;
        }
    }

    /** Truncates a segment file a few bytes into batch {@code keep}, as a torn write would leave it. */
    private static void cutAfterBatches(Path file, int keep) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
        int pos = 0;
        for (int i = 0; i < keep; i++) {
            pos += 12 + bytes.getInt(pos + 8);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(pos + 10);
        }
    }

    private static EpochEndOffset answer(int epoch, long endOffset, Errors error) {
        return new EpochEndOffset().setPartition(0).setLeaderEpoch(epoch).setEndOffset(endOffset)
                .setErrorCode(error.code());
    }

    private static EpochEndOffset endOffset(RawClient raw, int currentEpoch, int epoch) throws Exception {
        OffsetForLeaderEpochRequestData.OffsetForLeaderTopicCollection topics =
                new OffsetForLeaderEpochRequestData.OffsetForLeaderTopicCollection();
        topics.add(new OffsetForLeaderEpochRequestData.OffsetForLeaderTopic().setTopic("e").setPartitions(List.of(
                new OffsetForLeaderEpochRequestData.OffsetForLeaderPartition().setPartition(0)
                        .setCurrentLeaderEpoch(currentEpoch).setLeaderEpoch(epoch))));
        OffsetsForLeaderEpochResponse r = raw.send(OffsetsForLeaderEpochRequest.Builder.forConsumer(topics));
        return r.data().topics().iterator().next().partitions().get(0);
    }

    private static org.apache.kafka.common.message.ListOffsetsResponseData.ListOffsetsPartitionResponse listOffset(
            RawClient raw, long timestamp, int currentEpoch) throws Exception {
        ListOffsetsRequest.Builder b = ListOffsetsRequest.Builder.forConsumer(false, IsolationLevel.READ_UNCOMMITTED)
                .setTargetTimes(List.of(new ListOffsetsRequestData.ListOffsetsTopic().setName("e").setPartitions(List.of(
                        new ListOffsetsRequestData.ListOffsetsPartition().setPartitionIndex(0).setTimestamp(timestamp)
                                .setCurrentLeaderEpoch(currentEpoch)))));
        ListOffsetsResponse r = raw.send(b);
        return r.data().topics().get(0).partitions().get(0);
    }
}
