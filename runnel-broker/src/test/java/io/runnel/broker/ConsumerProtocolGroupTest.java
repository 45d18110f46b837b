package io.runnel.broker;

import static io.runnel.broker.ConsumerGroupTest.pollUntil;
import static io.runnel.broker.ConsumerGroupTest.pollUntilCount;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The KIP-848 consumer protocol ({@code group.protocol=consumer}) with the official consumer. */
class ConsumerProtocolGroupTest {
    @TempDir
    Path dir;

    @Test
    void membersSplitPartitionsRebalanceOnLeaveAndCommit() throws Exception {
        try (RunnelBroker broker = Clients.broker(dir, "group.consumer.heartbeat.interval.ms", "200");
             Admin admin = Clients.admin(broker)) {
            admin.createTopics(List.of(new NewTopic("kip848", 4, (short) 1))).all().get();
            try (KafkaProducer<String, String> p = Clients.producer(broker)) {
                for (int i = 0; i < 40; i++) {
                    p.send(new ProducerRecord<>("kip848", i % 4, null, "v" + i));
                }
            }
            KafkaConsumer<String, String> a = Clients.consumer(broker, "group.id", "g848", "group.protocol", "consumer");
            KafkaConsumer<String, String> b = Clients.consumer(broker, "group.id", "g848", "group.protocol", "consumer");
            try (a) {
                a.subscribe(List.of("kip848"));
                List<ConsumerRecord<String, String>> got = new ArrayList<>();
                pollUntilCount(a, got, 40);
                assertThat(a.assignment()).hasSize(4);
                a.commitSync();

                b.subscribe(List.of("kip848"));
                pollUntil(List.of(a, b), () -> a.assignment().size() == 2 && b.assignment().size() == 2);
                Set<TopicPartition> union = new HashSet<>(a.assignment());
                union.addAll(b.assignment());
                assertThat(union).hasSize(4);
                assertThat(admin.listGroups().all().get()).extracting(g -> g.groupId()).contains("g848");
                var described = admin.describeConsumerGroups(List.of("g848")).all().get().get("g848");
                assertThat(described.members()).hasSize(2);
                assertThat(described.members()).allSatisfy(m -> assertThat(m.assignment().topicPartitions()).hasSize(2));

                b.close();
                pollUntil(List.of(a), () -> a.assignment().size() == 4);
                a.commitSync();
            }
            assertThat(admin.listConsumerGroupOffsets("g848").partitionsToOffsetAndMetadata().get()
                    .get(new TopicPartition("kip848", 0)).offset()).isEqualTo(10);
        }
    }
}
