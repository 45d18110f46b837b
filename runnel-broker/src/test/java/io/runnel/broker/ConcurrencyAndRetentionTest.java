package io.runnel.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several producers at once into the same partitions; and the background retention task. */
class ConcurrencyAndRetentionTest {
    @TempDir
    Path dir;

    @Test
    void concurrentProducersLoseNothingAndKeepEachProducersOrder() throws Exception {
        int producers = 4;
        int perProducer = 5000;
        try (RunnelBroker broker = Clients.broker(dir); Admin admin = Clients.admin(broker)) {
            admin.createTopics(List.of(new NewTopic("busy", 3, (short) 1))).all().get();
            ExecutorService pool = Executors.newFixedThreadPool(producers);
            List<Future<?>> done = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                int id = p;
                done.add(pool.submit(() -> {
                    try (KafkaProducer<String, String> producer = Clients.producer(broker, "linger.ms", 2)) {
                        for (int i = 0; i < perProducer; i++) {
                            producer.send(new ProducerRecord<>("busy", i % 3, "p" + id, id + ":" + i));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            try (KafkaConsumer<String, String> c = Clients.consumer(broker)) {
                List<TopicPartition> tps = List.of(new TopicPartition("busy", 0), new TopicPartition("busy", 1),
                        new TopicPartition("busy", 2));
                c.assign(tps);
                c.seekToBeginning(tps);
                Map<String, Integer> lastSeen = new HashMap<>();
                int total = 0;
                long deadline = System.currentTimeMillis() + 30_000;
                while (total < producers * perProducer && System.currentTimeMillis() < deadline) {
                    for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                        String[] parts = r.value().split(":");
                        int seq = Integer.parseInt(parts[1]);
                        String key = parts[0] + "/" + r.partition();
                        assertThat(seq).as("order of producer %s in partition %d", parts[0], r.partition())
                                .isGreaterThan(lastSeen.getOrDefault(key, -1));
                        lastSeen.put(key, seq);
                        total++;
                    }
                }
                assertThat(total).isEqualTo(producers * perProducer);
            }
        }
    }

    @Test
    void consumersReadAcrossManySmallSegments() throws Exception {
        TopicPartition tp = new TopicPartition("tiny-segments", 0);
        try (RunnelBroker broker = Clients.broker(dir, "internal.segment.bytes", "4096");
             KafkaProducer<String, String> p = Clients.producer(broker, "compression.type", "lz4", "linger.ms", 5)) {
            for (int i = 0; i < 3000; i++) {
                p.send(new ProducerRecord<>(tp.topic(), 0, 1_000_000L + i, null, "r" + i + "-" + "y".repeat(i % 40)));
            }
            p.flush();
            try (KafkaConsumer<String, String> c = Clients.consumer(broker, "max.partition.fetch.bytes", 10_000)) {
                List<ConsumerRecord<String, String>> got = ProduceFetchTest.readAll(c, tp, 3000);
                assertThat(got).hasSize(3000);
                for (int i = 0; i < 3000; i++) {
                    assertThat(got.get(i).offset()).isEqualTo(i);
                }
                var byTime = c.offsetsForTimes(Map.of(tp, 1_002_500L));
                assertThat(byTime.get(tp).offset()).isEqualTo(2500);
            }
        }
        assertThat(java.nio.file.Files.list(dir.resolve("tiny-segments-0"))
                .filter(f -> f.toString().endsWith(".log")).count()).isGreaterThan(5);
    }

    @Test
    void backgroundRetentionDeletesOldSegments() throws Exception {
        TopicPartition tp = new TopicPartition("short", 0);
        try (RunnelBroker broker = Clients.broker(dir, "log.retention.check.interval.ms", "200",
                "internal.segment.bytes", "2000");
             Admin admin = Clients.admin(broker);
             KafkaProducer<String, String> p = Clients.producer(broker)) {
            admin.createTopics(List.of(new NewTopic("short", 1, (short) 1)
                    .configs(Map.of("retention.ms", "60000")))).all().get();
            long old = System.currentTimeMillis() - 3_600_000;
            for (int i = 0; i < 50; i++) {
                p.send(new ProducerRecord<>("short", 0, old, null, "x".repeat(200))).get();
            }
            p.send(new ProducerRecord<>("short", 0, null, "fresh")).get();
            long deadline = System.currentTimeMillis() + 10_000;
            long earliest = 0;
            while (earliest < 45 && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
                earliest = admin.listOffsets(Map.of(tp, OffsetSpec.earliest())).all().get().get(tp).offset();
            }
            assertThat(earliest).as("old segments deleted").isGreaterThanOrEqualTo(45);
        }
    }
}
