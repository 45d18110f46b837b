package io.runnel.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Classic consumer groups with the official consumer: assignment, rebalance, durable commits. */
class ConsumerGroupTest {
    @TempDir
    Path dir;

    static void pollUntil(List<KafkaConsumer<String, String>> consumers, BooleanSupplier done) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!done.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("timed out waiting").isLessThan(deadline);
            for (KafkaConsumer<String, String> c : consumers) {
                c.poll(Duration.ofMillis(50));
            }
        }
    }

    @Test
    void groupSplitsPartitionsAndRebalancesWhenAMemberLeaves() throws Exception {
        try (RunnelBroker broker = Clients.broker(dir); Admin admin = Clients.admin(broker)) {
            admin.createTopics(List.of(new NewTopic("split", 4, (short) 1))).all().get();
            KafkaConsumer<String, String> a = Clients.consumer(broker, "group.id", "g1", "heartbeat.interval.ms", 200);
            KafkaConsumer<String, String> b = Clients.consumer(broker, "group.id", "g1", "heartbeat.interval.ms", 200);
            try (a) {
                a.subscribe(List.of("split"));
                pollUntil(List.of(a), () -> a.assignment().size() == 4);
                b.subscribe(List.of("split"));
                pollUntil(List.of(a, b), () -> a.assignment().size() == 2 && b.assignment().size() == 2);
                Set<TopicPartition> union = new java.util.HashSet<>(a.assignment());
                union.addAll(b.assignment());
                assertThat(union).hasSize(4);

                ConsumerGroupDescription d = admin.describeConsumerGroups(List.of("g1")).all().get().get("g1");
                assertThat(d.members()).hasSize(2);
                assertThat(admin.listGroups().all().get()).extracting(g -> g.groupId()).contains("g1");

                b.close();
                pollUntil(List.of(a), () -> a.assignment().size() == 4);
            }
        }
    }

    @Test
    void aStaticMemberRejoinsWithoutARebalance() throws Exception {
        try (RunnelBroker broker = Clients.broker(dir); Admin admin = Clients.admin(broker)) {
            admin.createTopics(List.of(new NewTopic("static", 4, (short) 1))).all().get();
            KafkaConsumer<String, String> a = Clients.consumer(broker, "group.id", "gs", "heartbeat.interval.ms", 200,
                    "group.instance.id", "a");
            KafkaConsumer<String, String> s = Clients.consumer(broker, "group.id", "gs", "heartbeat.interval.ms", 200,
                    "group.instance.id", "s", "session.timeout.ms", 30_000);
            try (a) {
                a.subscribe(List.of("static"));
                // a joins first and so leads: a restarting static *leader* rebalances (see docs/broker.md)
                pollUntil(List.of(a), () -> a.assignment().size() == 4);
                s.subscribe(List.of("static"));
                pollUntil(List.of(a, s), () -> a.assignment().size() == 2 && s.assignment().size() == 2);
                int generation = a.groupMetadata().generationId();
                Set<TopicPartition> owned = Set.copyOf(s.assignment());
                s.close(); // a static member sends no LeaveGroup
                try (KafkaConsumer<String, String> again = Clients.consumer(broker, "group.id", "gs",
                        "heartbeat.interval.ms", 200, "group.instance.id", "s", "session.timeout.ms", 30_000)) {
                    again.subscribe(List.of("static"));
                    pollUntil(List.of(a, again), () -> again.assignment().size() == 2);
                    assertThat(again.assignment()).isEqualTo(owned);
                    for (int i = 0; i < 10; i++) {
                        a.poll(Duration.ofMillis(50));
                    }
                    assertThat(a.groupMetadata().generationId()).as("no rebalance").isEqualTo(generation);
                    assertThat(a.assignment()).hasSize(2);
                }
            }
        }
    }

    @Test
    void committedOffsetsSurviveABrokerRestart() throws Exception {
        TopicPartition tp = new TopicPartition("commits", 0);
        try (RunnelBroker broker = Clients.broker(dir)) {
            try (KafkaProducer<String, String> p = Clients.producer(broker)) {
                for (int i = 0; i < 10; i++) {
                    p.send(new ProducerRecord<>(tp.topic(), 0, null, "v" + i));
                }
            }
            try (KafkaConsumer<String, String> c = Clients.consumer(broker, "group.id", "g2", "enable.auto.commit", "false")) {
                c.subscribe(List.of(tp.topic()));
                List<ConsumerRecord<String, String>> got = new ArrayList<>();
                pollUntilCount(c, got, 10);
                c.commitSync(Map.of(tp, new OffsetAndMetadata(7, "meta")));
            }
        }
        try (RunnelBroker broker = Clients.broker(dir)) {
            try (KafkaConsumer<String, String> c = Clients.consumer(broker, "group.id", "g2", "enable.auto.commit", "false")) {
                OffsetAndMetadata committed = c.committed(Set.of(tp)).get(tp);
                assertThat(committed.offset()).isEqualTo(7);
                assertThat(committed.metadata()).isEqualTo("meta");
                c.subscribe(List.of(tp.topic()));
                List<ConsumerRecord<String, String>> got = new ArrayList<>();
                pollUntilCount(c, got, 3);
                assertThat(got).extracting(ConsumerRecord::value).containsExactly("v7", "v8", "v9");
            }
            try (Admin admin = Clients.admin(broker)) {
                assertThat(admin.listConsumerGroupOffsets("g2").partitionsToOffsetAndMetadata().get().get(tp).offset())
                        .isEqualTo(7);
                admin.deleteConsumerGroupOffsets("g2", Set.of(tp)).all().get();
                assertThat(admin.listConsumerGroupOffsets("g2").partitionsToOffsetAndMetadata().get().get(tp)).isNull();
                try (KafkaConsumer<String, String> c = Clients.consumer(broker, "group.id", "g3", "enable.auto.commit",
                        "false")) {
                    c.commitSync(Map.of(tp, new OffsetAndMetadata(3)));
                }
                admin.deleteConsumerGroups(List.of("g3")).all().get();
                assertThat(admin.listGroups().all().get()).extracting(g -> g.groupId()).doesNotContain("g3");
            }
        }
    }

    @Test
    void aDeletedGroupIsNoLongerListedEvenWithAJoinLeftHalfway() throws Exception {
        try (RunnelBroker broker = Clients.broker(dir.resolve("deleted-group"));
             RawConnection raw = new RawConnection("127.0.0.1", broker.port());
             Admin admin = Clients.admin(broker)) {
            admin.createTopics(List.of(new NewTopic("t", 1, (short) 1))).all().get();
            // A v4+ JoinGroup without a member id is told to come back with one; this one never does.
            assertThat(raw.send(ApiKeys.JOIN_GROUP, (short) 9, ConformanceFixture.join("half-joined", "")).errorCounts())
                    .containsOnlyKeys(Errors.MEMBER_ID_REQUIRED);
            admin.alterConsumerGroupOffsets("half-joined", Map.of(new TopicPartition("t", 0), new OffsetAndMetadata(1)))
                    .all().get();
            assertThat(admin.listGroups().all().get()).extracting(g -> g.groupId()).contains("half-joined");
            admin.deleteConsumerGroups(List.of("half-joined")).all().get();
            assertThat(admin.listGroups().all().get()).extracting(g -> g.groupId()).doesNotContain("half-joined");
        }
    }

    static void pollUntilCount(KafkaConsumer<String, String> c, List<ConsumerRecord<String, String>> out, int n) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (out.size() < n) {
            assertThat(System.currentTimeMillis()).as("timed out waiting for records").isLessThan(deadline);
            c.poll(Duration.ofMillis(100)).forEach(out::add);
        }
    }
}
