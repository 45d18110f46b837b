package io.runnel.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The official Java producer and consumer against one embedded broker. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProduceFetchTest {
    @TempDir
    static Path dir;
    RunnelBroker broker;

    @BeforeAll
    void start() {
        broker = Clients.broker(dir, "message.max.bytes", "200000");
    }

    @AfterAll
    void stop() {
        broker.close();
    }

    static List<ConsumerRecord<String, String>> readAll(KafkaConsumer<String, String> c, TopicPartition tp, int n) {
        c.assign(List.of(tp));
        c.seekToBeginning(List.of(tp));
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 15_000;
        while (out.size() < n && System.currentTimeMillis() < deadline) {
            c.poll(Duration.ofMillis(200)).forEach(out::add);
        }
        return out;
    }

    @Test
    void roundTripKeysHeadersNullValuesAndTimestamps() throws Exception {
        TopicPartition tp = new TopicPartition("round-trip", 0);
        try (KafkaProducer<String, String> p = Clients.producer(broker)) {
            RecordHeaders headers = new RecordHeaders();
            headers.add("h1", "v1".getBytes(StandardCharsets.UTF_8));
            headers.add("empty", null);
            p.send(new ProducerRecord<>(tp.topic(), 0, 1_700_000_000_000L, "k1", "v1", headers)).get();
            p.send(new ProducerRecord<String, String>(tp.topic(), 0, 1_700_000_000_001L, "k2", (String) null)).get();
            p.send(new ProducerRecord<>(tp.topic(), 0, 1_700_000_000_002L, null, "v3")).get();
        }
        try (KafkaConsumer<String, String> c = Clients.consumer(broker)) {
            List<ConsumerRecord<String, String>> got = readAll(c, tp, 3);
            assertThat(got).hasSize(3);
            assertThat(got.get(0).key()).isEqualTo("k1");
            assertThat(got.get(0).value()).isEqualTo("v1");
            assertThat(got.get(0).timestamp()).isEqualTo(1_700_000_000_000L);
            assertThat(new String(got.get(0).headers().lastHeader("h1").value(), StandardCharsets.UTF_8)).isEqualTo("v1");
            assertThat(got.get(0).headers().lastHeader("empty").value()).isNull();
            assertThat(got.get(1).value()).isNull();
            assertThat(got.get(2).key()).isNull();
            assertThat(got).extracting(ConsumerRecord::offset).containsExactly(0L, 1L, 2L);

            Map<TopicPartition, OffsetAndTimestamp> byTime = c.offsetsForTimes(Map.of(tp, 1_700_000_000_001L));
            assertThat(byTime.get(tp).offset()).isEqualTo(1);
            assertThat(c.beginningOffsets(List.of(tp)).get(tp)).isZero();
            assertThat(c.endOffsets(List.of(tp)).get(tp)).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "gzip", "snappy", "lz4", "zstd"})
    void everyCompressionCodec(String codec) throws Exception {
        TopicPartition tp = new TopicPartition("codec-" + codec, 0);
        try (KafkaProducer<String, String> p = Clients.producer(broker, "compression.type", codec, "linger.ms", 20)) {
            for (int i = 0; i < 500; i++) {
                p.send(new ProducerRecord<>(tp.topic(), 0, "key-" + i, "value-" + i + "-" + "x".repeat(i % 50)));
            }
            p.flush();
        }
        try (KafkaConsumer<String, String> c = Clients.consumer(broker)) {
            List<ConsumerRecord<String, String>> got = readAll(c, tp, 500);
            assertThat(got).hasSize(500);
            for (int i = 0; i < 500; i++) {
                assertThat(got.get(i).offset()).isEqualTo(i);
                assertThat(got.get(i).key()).isEqualTo("key-" + i);
            }
        }
    }

    @Test
    void orderIsKeptWithinEachPartition() throws Exception {
        try (KafkaProducer<String, String> p = Clients.producer(broker)) {
            broker.config(); // topic auto-created with num.partitions=1; make a 3-partition one explicitly
            try (var admin = Clients.admin(broker)) {
                admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic("ordered", 3, (short) 1)))
                        .all().get();
            }
            for (int i = 0; i < 3000; i++) {
                p.send(new ProducerRecord<>("ordered", i % 3, null, String.valueOf(i)));
            }
            p.flush();
        }
        try (KafkaConsumer<String, String> c = Clients.consumer(broker)) {
            for (int part = 0; part < 3; part++) {
                List<ConsumerRecord<String, String>> got = readAll(c, new TopicPartition("ordered", part), 1000);
                assertThat(got).hasSize(1000);
                for (int i = 0; i < 1000; i++) {
                    assertThat(got.get(i).value()).isEqualTo(String.valueOf(i * 3 + part));
                }
            }
        }
    }

    @Test
    void recordTooLargeIsRejected() {
        try (KafkaProducer<String, String> p = Clients.producer(broker, "max.request.size", 1_000_000)) {
            assertThatThrownBy(() -> p.send(new ProducerRecord<>("big", 0, null, "x".repeat(300_000))).get())
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(RecordTooLargeException.class);
        }
    }

    @Test
    void outOfRangeOffsetIsReported() throws Exception {
        TopicPartition tp = new TopicPartition("range", 0);
        try (KafkaProducer<String, String> p = Clients.producer(broker)) {
            RecordMetadata md = p.send(new ProducerRecord<>(tp.topic(), 0, null, "only")).get();
            assertThat(md.offset()).isZero();
        }
        try (KafkaConsumer<String, String> c = Clients.consumer(broker, "auto.offset.reset", "none")) {
            c.assign(List.of(tp));
            c.seek(tp, 100);
            assertThatThrownBy(() -> {
                for (int i = 0; i < 50; i++) {
                    c.poll(Duration.ofMillis(100));
                }
            }).isInstanceOf(OffsetOutOfRangeException.class);
        }
    }
}
