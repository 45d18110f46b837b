package io.runnel.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.FetchMetadata;
import org.apache.kafka.common.requests.FetchRequest;
import org.apache.kafka.common.requests.FetchResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incremental fetch sessions over the wire: the official consumer on many partitions, and raw requests. */
class FetchSessionsTest {
    private static final int PARTITIONS = 24;
    @TempDir
    Path dir;

    @Test
    void consumerReadingManyPartitionsGetsEveryRecordInOrderWithSessions() throws Exception {
        try (RunnelBroker broker = Clients.broker(dir); Admin admin = Clients.admin(broker);
             KafkaProducer<String, String> producer = Clients.producer(broker, "linger.ms", "0")) {
            admin.createTopics(List.of(new NewTopic("many", PARTITIONS, (short) 1))).all().get();
            try (KafkaConsumer<String, String> consumer = Clients.consumer(broker, "group.id", "g",
                    "max.poll.records", "50", "fetch.max.wait.ms", "50")) {
                consumer.subscribe(List.of("many"));
                Map<Integer, List<String>> seen = new HashMap<>();
                int total = 0;
                // produce in rounds while consuming, so incremental fetches see some partitions change and not others
                for (int round = 0; round < 10; round++) {
                    for (int i = 0; i < 30; i++) {
                        int p = (round * 7 + i) % PARTITIONS;
                        producer.send(new ProducerRecord<>("many", p, null, p + ":" + round + ":" + i));
                    }
                    producer.flush();
                    total += 30;
                    total = drain(consumer, seen, total);
                }
                for (var e : seen.entrySet()) {
                    List<String> values = e.getValue();
                    assertThat(values).allMatch(v -> v.startsWith(e.getKey() + ":"));
                    List<String> sorted = new ArrayList<>(values);
                    sorted.sort((a, b) -> Integer.compare(order(a), order(b)));
                    assertThat(values).as("partition %s in order", e.getKey()).isEqualTo(sorted);
                }
                assertThat(seen.values().stream().mapToInt(List::size).sum()).isEqualTo(300);
            }
        }
    }

    /** Polls until everything produced so far has arrived; returns the expected total unchanged. */
    private static int drain(KafkaConsumer<String, String> consumer, Map<Integer, List<String>> seen, int expected) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (seen.values().stream().mapToInt(List::size).sum() < expected && System.currentTimeMillis() < deadline) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                seen.computeIfAbsent(r.partition(), k -> new ArrayList<>()).add(r.value());
            }
        }
        return expected;
    }

    private static int order(String value) {
        String[] parts = value.split(":");
        return Integer.parseInt(parts[1]) * 100 + Integer.parseInt(parts[2]);
    }

    @Test
    void rawIncrementalFetchesCarryOnlyPartitionsWithNews() throws Exception {
        try (RunnelBroker broker = Clients.broker(dir); Admin admin = Clients.admin(broker);
             KafkaProducer<String, String> producer = Clients.producer(broker);
             RawClient raw = new RawClient(broker)) {
            admin.createTopics(List.of(new NewTopic("s", 3, (short) 1))).all().get();
            for (int p = 0; p < 3; p++) {
                producer.send(new ProducerRecord<>("s", p, null, "v" + p)).get();
            }
            Map<TopicPartition, FetchRequest.PartitionData> all = new LinkedHashMap<>();
            for (int p = 0; p < 3; p++) {
                all.put(new TopicPartition("s", p), partition(1));
            }
            FetchResponseData full = fetch(raw, all, FetchMetadata.INITIAL);
            int session = full.sessionId();
            assertThat(session).isNotZero();
            assertThat(full.responses().get(0).partitions()).hasSize(3);

            FetchResponseData quiet = fetch(raw, Map.of(), new FetchMetadata(session, 1));
            assertThat(quiet.errorCode()).isZero();
            assertThat(quiet.responses()).as("no news, nothing sent").isEmpty();

            producer.send(new ProducerRecord<>("s", 2, null, "more")).get();
            FetchResponseData news = fetch(raw, Map.of(), new FetchMetadata(session, 2));
            assertThat(news.responses()).hasSize(1);
            assertThat(news.responses().get(0).partitions()).extracting(FetchResponseData.PartitionData::partitionIndex)
                    .containsExactly(2);
            assertThat(news.responses().get(0).partitions().get(0).records().sizeInBytes()).isPositive();

            assertThat(fetch(raw, Map.of(), new FetchMetadata(session, 2)).errorCode())
                    .isEqualTo(Errors.INVALID_FETCH_SESSION_EPOCH.code());
            assertThat(fetch(raw, Map.of(), new FetchMetadata(session + 1, 1)).errorCode())
                    .isEqualTo(Errors.FETCH_SESSION_ID_NOT_FOUND.code());
        }
    }

    private static FetchRequest.PartitionData partition(long offset) {
        return new FetchRequest.PartitionData(Uuid.ZERO_UUID, offset, -1, 1 << 20, Optional.empty());
    }

    private static FetchResponseData fetch(RawClient raw, Map<TopicPartition, FetchRequest.PartitionData> partitions,
                                           FetchMetadata metadata) throws Exception {
        FetchResponse r = raw.send(FetchRequest.Builder.forConsumer((short) 12, 0, 0, partitions).metadata(metadata),
                (short) 12);
        return r.data();
    }
}
