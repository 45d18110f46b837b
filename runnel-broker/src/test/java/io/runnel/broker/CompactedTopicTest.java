package io.runnel.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compacted topics through the official clients: configs, the background cleaner, reads across gaps. */
class CompactedTopicTest {
    @TempDir
    Path dir;

    @Test
    void theCleanerKeepsTheLatestValuePerKeyAndConsumersReadAcrossTheGaps() throws Exception {
        try (RunnelBroker broker = Clients.broker(dir, "log.cleaner.backoff.ms", "50");
             Admin admin = Clients.admin(broker)) {
            admin.createTopics(List.of(new NewTopic("table", 1, (short) 1).configs(Map.of("cleanup.policy", "compact",
                    "internal.segment.bytes", "2048", "min.cleanable.dirty.ratio", "0.01")))).all().get();
            ConfigResource res = new ConfigResource(ConfigResource.Type.TOPIC, "table");
            Config config = admin.describeConfigs(List.of(res)).all().get().get(res);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(config.get("min.cleanable.dirty.ratio").value()).isEqualTo("0.01");
            assertThat(config.get("delete.retention.ms").value()).isEqualTo("86400000");

            Map<String, String> latest = new HashMap<>();
            try (KafkaProducer<String, String> p = Clients.producer(broker, "linger.ms", "0")) {
                for (int i = 0; i < 400; i++) {
                    String key = "k" + (i % 10);
                    p.send(new ProducerRecord<>("table", key, "v" + i)).get();
                    latest.put(key, "v" + i);
                }
                assertThatThrownBy(() -> p.send(new ProducerRecord<>("table", null, "no key")).get())
                        .hasCauseInstanceOf(InvalidRecordException.class);
            }
            TopicPartition tp = new TopicPartition("table", 0);
            List<ConsumerRecord<String, String>> records = readAllAfterCleaning(broker, tp, 400);
            Map<String, String> seen = new HashMap<>();
            records.forEach(r -> seen.put(r.key(), r.value()));
            assertThat(seen).isEqualTo(latest);
            assertThat(records.get(0).offset()).as("the head was compacted away").isGreaterThan(1);
            assertThat(admin.listOffsets(Map.of(tp, OffsetSpec.earliest())).all().get().get(tp).offset()).isZero();
            assertThat(admin.listOffsets(Map.of(tp, OffsetSpec.latest())).all().get().get(tp).offset()).isEqualTo(400);

            try (KafkaConsumer<String, String> c = Clients.consumer(broker)) {
                c.assign(List.of(tp));
                c.seek(tp, 1); // removed by the cleaner: the fetch returns the next batch
                ConsumerRecord<String, String> first = c.poll(Duration.ofSeconds(10)).iterator().next();
                // later rounds may remove more, never bring back what is gone
                assertThat(first.offset()).isGreaterThanOrEqualTo(records.get(0).offset());
            }

            admin.incrementalAlterConfigs(Map.of(res, List.of(new AlterConfigOp(
                    new ConfigEntry("cleanup.policy", "compact,delete"), AlterConfigOp.OpType.SET)))).all().get();
            assertThat(admin.describeConfigs(List.of(res)).all().get().get(res).get("cleanup.policy").value())
                    .isEqualTo("compact,delete");
            assertThatThrownBy(() -> admin.incrementalAlterConfigs(Map.of(res, List.of(new AlterConfigOp(
                    new ConfigEntry("min.compaction.lag.ms", "-1"), AlterConfigOp.OpType.SET)))).all().get())
                    .hasCauseInstanceOf(InvalidConfigurationException.class);
        }
    }

    @Test
    void listOffsetsByTimestampLooksPastABatchTheCleanerEmptied() throws Exception {
        try (RunnelBroker broker = Clients.broker(dir, "log.cleaner.backoff.ms", "50");
             Admin admin = Clients.admin(broker)) {
            admin.createTopics(List.of(new NewTopic("ts", 1, (short) 1).configs(Map.of("cleanup.policy", "compact",
                    "internal.segment.bytes", "200", "min.cleanable.dirty.ratio", "0.01")))).all().get();
            try (KafkaProducer<String, String> idempotent = Clients.producer(broker);
                 KafkaProducer<String, String> plain = Clients.producer(broker, "enable.idempotence", "false")) {
                // the idempotent producer's only batch is superseded: the cleaner keeps it, emptied,
                // with its max timestamp 1000
                idempotent.send(new ProducerRecord<>("ts", 0, 1000L, "a", "first")).get();
                plain.send(new ProducerRecord<>("ts", 0, 2000L, "a", "second")).get();
                for (int i = 0; i < 20; i++) {
                    plain.send(new ProducerRecord<>("ts", 0, 3000L + i, "f" + i, "x")).get();
                }
            }
            TopicPartition tp = new TopicPartition("ts", 0);
            for (int attempt = 0; attempt < 100; attempt++) {
                if (readAllAfterCleaning(broker, tp, 22).stream().noneMatch(r -> r.value().equals("first"))) {
                    break;
                }
            }
            assertThat(readAllAfterCleaning(broker, tp, 22)).noneMatch(r -> r.value().equals("first"));
            assertThat(admin.listOffsets(Map.of(tp, OffsetSpec.forTimestamp(900))).all().get().get(tp).offset())
                    .isEqualTo(1);
        }
    }

    /** Reads the partition from the start, repeatedly, until the cleaner has removed some of the head. */
    private static List<ConsumerRecord<String, String>> readAllAfterCleaning(RunnelBroker broker, TopicPartition tp,
                                                                            long end) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            List<ConsumerRecord<String, String>> out = new ArrayList<>();
            try (KafkaConsumer<String, String> c = Clients.consumer(broker)) {
                c.assign(List.of(tp));
                c.seekToBeginning(List.of(tp));
                while (c.position(tp) < end) {
                    c.poll(Duration.ofMillis(500)).forEach(out::add);
                }
            }
            if (out.size() < end) {
                return out;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the cleaner never compacted " + tp);
    }
}
