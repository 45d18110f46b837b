package io.runnel.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.CompressionType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Topic-level message.timestamp.type=LogAppendTime and compression.type recompression. */
class TimestampTypeAndCompressionTest {
    @TempDir
    Path dir;

    @Test
    void gzipBatchesAreStoredAsLz4KeepingProducerIdsSequencesAndTransactions() throws Exception {
        try (RunnelBroker broker = Clients.broker(dir); Admin admin = Clients.admin(broker)) {
            admin.createTopics(List.of(new NewTopic("lz", 1, (short) 1)
                    .configs(Map.of("compression.type", "lz4")))).all().get();
            try (KafkaProducer<String, String> idem = Clients.producer(broker, "compression.type", "gzip",
                    "linger.ms", "50");
                 KafkaProducer<String, String> tx = Clients.producer(broker, "compression.type", "gzip",
                         "transactional.id", "recompress")) {
                for (int i = 0; i < 20; i++) {
                    ProducerRecord<String, String> r = new ProducerRecord<>("lz", 0, "k" + i, "v" + i);
                    r.headers().add("h", ("x" + i).getBytes());
                    idem.send(r);
                }
                idem.flush();
                tx.initTransactions();
                tx.beginTransaction();
                tx.send(new ProducerRecord<>("lz", 0, "tk", "tv"));
                tx.commitTransaction();
            }
            List<RecordBatch> batches = storedBatches(dir.resolve("lz-0"));
            List<RecordBatch> data = batches.stream().filter(b -> !b.isControlBatch()).toList();
            assertThat(data).isNotEmpty().allMatch(b -> b.compressionType() == CompressionType.LZ4);
            assertThat(data).allMatch(b -> b.hasProducerId() && b.baseSequence() >= 0);
            assertThat(data.get(0).baseSequence()).isZero();
            assertThat(data.get(data.size() - 1).isTransactional()).isTrue();
            assertThat(data.get(0).isTransactional()).isFalse();

            try (KafkaConsumer<String, String> c = Clients.consumer(broker, "isolation.level", "read_committed")) {
                List<ConsumerRecord<String, String>> got = readAll(c, new TopicPartition("lz", 0), 21);
                List<Long> expected = new ArrayList<>(java.util.stream.LongStream.range(0, 20).boxed().toList());
                expected.add(20L); // then the commit marker at 21
                assertThat(got).extracting(ConsumerRecord::offset).containsExactlyElementsOf(expected);
                assertThat(got.get(3).key()).isEqualTo("k3");
                assertThat(got.get(3).value()).isEqualTo("v3");
                assertThat(new String(got.get(3).headers().lastHeader("h").value())).isEqualTo("x3");
                assertThat(got.get(20).value()).isEqualTo("tv");
            }
        }
    }

    @Test
    void logAppendTimeTopicsTakeTheBrokersClock() throws Exception {
        try (RunnelBroker broker = Clients.broker(dir); Admin admin = Clients.admin(broker);
             KafkaProducer<String, String> p = Clients.producer(broker)) {
            admin.createTopics(List.of(new NewTopic("lat", 1, (short) 1)
                    .configs(Map.of("message.timestamp.type", "LogAppendTime")),
                    new NewTopic("lat-gz", 1, (short) 1).configs(Map.of("message.timestamp.type", "LogAppendTime",
                            "compression.type", "gzip")))).all().get();
            long before = System.currentTimeMillis();
            RecordMetadata plain = p.send(new ProducerRecord<>("lat", 0, 1_000L, "k", "v")).get();
            RecordMetadata rebuilt = p.send(new ProducerRecord<>("lat-gz", 0, 1_000L, "k", "v")).get();
            long after = System.currentTimeMillis();
            for (RecordMetadata m : List.of(plain, rebuilt)) {
                assertThat(m.timestamp()).as("the produce response's logAppendTime").isBetween(before, after);
            }
            try (KafkaConsumer<String, String> c = Clients.consumer(broker)) {
                ConsumerRecord<String, String> r = readAll(c, new TopicPartition("lat", 0), 1).get(0);
                assertThat(r.timestampType()).isEqualTo(TimestampType.LOG_APPEND_TIME);
                assertThat(r.timestamp()).isEqualTo(plain.timestamp());
            }
            try (KafkaConsumer<String, String> c = Clients.consumer(broker)) {
                ConsumerRecord<String, String> r = readAll(c, new TopicPartition("lat-gz", 0), 1).get(0);
                assertThat(r.timestampType()).isEqualTo(TimestampType.LOG_APPEND_TIME);
                assertThat(r.timestamp()).isEqualTo(rebuilt.timestamp());
            }
            assertThat(storedBatches(dir.resolve("lat-gz-0")).get(0).compressionType()).isEqualTo(CompressionType.GZIP);
        }
    }

    @Test
    void brokerDefaultsApplyAndBadValuesAreRefused() throws Exception {
        try (RunnelBroker broker = Clients.broker(dir, "log.message.timestamp.type", "LogAppendTime");
             Admin admin = Clients.admin(broker); KafkaProducer<String, String> p = Clients.producer(broker)) {
            admin.createTopics(List.of(new NewTopic("d", 1, (short) 1))).all().get();
            assertThat(p.send(new ProducerRecord<>("d", 0, 1_000L, "k", "v")).get().timestamp()).isGreaterThan(1_000L);
            var configs = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, "d")))
                    .all().get().values().iterator().next();
            assertThat(configs.get("message.timestamp.type").value()).isEqualTo("LogAppendTime");
            assertThat(configs.get("compression.type").value()).isEqualTo("producer");
            assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("bad", 1, (short) 1)
                    .configs(Map.of("compression.type", "brotli")))).all().get())
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(InvalidConfigurationException.class)
                    .hasMessageContaining("compression.type=brotli");
        }
        assertThatThrownBy(() -> Clients.broker(dir.resolve("other"), "compression.type", "brotli"))
                .hasMessageContaining("compression.type=brotli");
    }

    private static List<RecordBatch> storedBatches(Path partitionDir) throws Exception {
        List<RecordBatch> out = new ArrayList<>();
        try (var files = Files.list(partitionDir)) {
            for (Path f : files.filter(x -> x.toString().endsWith(".log")).sorted().toList()) {
                MemoryRecords.readableRecords(ByteBuffer.wrap(Files.readAllBytes(f))).batches().forEach(out::add);
            }
        }
        return out;
    }

    private static List<ConsumerRecord<String, String>> readAll(KafkaConsumer<String, String> c, TopicPartition tp,
                                                                int count) {
        c.assign(Set.of(tp));
        c.seekToBeginning(Set.of(tp));
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 10_000;
        while (out.size() < count && System.currentTimeMillis() < deadline) {
            c.poll(Duration.ofMillis(100)).forEach(out::add);
        }
        return out;
    }
}
