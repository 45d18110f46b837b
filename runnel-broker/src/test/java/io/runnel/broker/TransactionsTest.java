package io.runnel.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transactions with the official producer and read-committed consumers. */
class TransactionsTest {
    @TempDir
    Path dir;

    private static KafkaProducer<String, String> txProducer(RunnelBroker b, String id) {
        KafkaProducer<String, String> p = Clients.producer(b, "transactional.id", id);
        p.initTransactions();
        return p;
    }

    private static List<String> readValues(RunnelBroker b, TopicPartition tp, String isolation, int atLeast,
                                           long waitMs) {
        try (KafkaConsumer<String, String> c = Clients.consumer(b, "isolation.level", isolation)) {
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            List<String> out = new ArrayList<>();
            long deadline = System.currentTimeMillis() + waitMs;
            while (System.currentTimeMillis() < deadline && (atLeast < 0 || out.size() < atLeast)) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(100))) {
                    out.add(r.value());
                }
            }
            return out;
        }
    }

    @Test
    void abortedRecordsAreHiddenFromReadCommitted() throws Exception {
        TopicPartition tp = new TopicPartition("tx", 0);
        try (RunnelBroker broker = Clients.broker(dir);
             KafkaProducer<String, String> p = txProducer(broker, "tx-1")) {
            p.beginTransaction();
            for (int i = 0; i < 5; i++) {
                p.send(new ProducerRecord<>(tp.topic(), 0, null, "a" + i));
            }
            p.flush(); // written to the log, then aborted
            p.abortTransaction();
            p.beginTransaction();
            for (int i = 0; i < 3; i++) {
                p.send(new ProducerRecord<>(tp.topic(), 0, null, "c" + i));
            }
            p.commitTransaction();

            assertThat(readValues(broker, tp, "read_committed", 3, 10_000)).containsExactly("c0", "c1", "c2");
            assertThat(readValues(broker, tp, "read_uncommitted", 8, 10_000)).hasSize(8);
        }
    }

    @Test
    void anOpenTransactionHoldsBackReadCommittedConsumers() throws Exception {
        TopicPartition tp = new TopicPartition("open", 0);
        try (RunnelBroker broker = Clients.broker(dir);
             KafkaProducer<String, String> p = txProducer(broker, "tx-open")) {
            p.beginTransaction();
            p.send(new ProducerRecord<>(tp.topic(), 0, null, "x"));
            p.send(new ProducerRecord<>(tp.topic(), 0, null, "y"));
            p.flush();
            assertThat(readValues(broker, tp, "read_committed", -1, 1_000)).isEmpty();
            assertThat(readValues(broker, tp, "read_uncommitted", 2, 10_000)).containsExactly("x", "y");
            try (KafkaConsumer<String, String> c = Clients.consumer(broker, "isolation.level", "read_committed")) {
                assertThat(c.endOffsets(List.of(tp)).get(tp)).isZero();
            }
            p.commitTransaction();
            assertThat(readValues(broker, tp, "read_committed", 2, 10_000)).containsExactly("x", "y");
        }
    }

    @Test
    void offsetsSentToTheTransactionAreCommittedOnlyWithIt() throws Exception {
        TopicPartition in = new TopicPartition("in", 0);
        try (RunnelBroker broker = Clients.broker(dir);
             Admin admin = Clients.admin(broker);
             KafkaProducer<String, String> p = txProducer(broker, "tx-eos");
             KafkaConsumer<String, String> c = Clients.consumer(broker, "group.id", "eos", "enable.auto.commit",
                     "false", "isolation.level", "read_committed")) {
            admin.createTopics(List.of(new NewTopic("in", 1, (short) 1), new NewTopic("out", 1, (short) 1))).all().get();
            try (KafkaProducer<String, String> plain = Clients.producer(broker)) {
                for (int i = 0; i < 4; i++) {
                    plain.send(new ProducerRecord<>("in", 0, null, "m" + i)).get();
                }
            }
            c.subscribe(List.of("in"));
            List<ConsumerRecord<String, String>> got = new ArrayList<>();
            ConsumerGroupTest.pollUntilCount(c, got, 4);

            p.beginTransaction();
            got.forEach(r -> p.send(new ProducerRecord<>("out", 0, null, r.value().toUpperCase())));
            p.sendOffsetsToTransaction(Map.of(in, new OffsetAndMetadata(4)), c.groupMetadata());
            p.commitTransaction();
            assertThat(admin.listConsumerGroupOffsets("eos").partitionsToOffsetAndMetadata().get().get(in).offset())
                    .isEqualTo(4);

            p.beginTransaction();
            p.send(new ProducerRecord<>("out", 0, null, "dropped"));
            p.sendOffsetsToTransaction(Map.of(in, new OffsetAndMetadata(99)), c.groupMetadata());
            p.abortTransaction();
            assertThat(admin.listConsumerGroupOffsets("eos").partitionsToOffsetAndMetadata().get().get(in).offset())
                    .isEqualTo(4);
            assertThat(readValues(broker, new TopicPartition("out", 0), "read_committed", 4, 10_000))
                    .containsExactly("M0", "M1", "M2", "M3");

            // a zombie presenting an old generation is fenced (KIP-447)
            p.beginTransaction();
            var stale = new org.apache.kafka.clients.consumer.ConsumerGroupMetadata("eos",
                    c.groupMetadata().generationId() + 5, c.groupMetadata().memberId(), java.util.Optional.empty());
            assertThatThrownBy(() -> p.sendOffsetsToTransaction(Map.of(in, new OffsetAndMetadata(50)), stale))
                    .isInstanceOf(KafkaException.class);
        }
    }

    @Test
    void aNewProducerWithTheSameIdFencesTheOldOne() throws Exception {
        TopicPartition tp = new TopicPartition("fence", 0);
        try (RunnelBroker broker = Clients.broker(dir)) {
            KafkaProducer<String, String> old = txProducer(broker, "tx-f");
            old.beginTransaction();
            old.send(new ProducerRecord<>(tp.topic(), 0, null, "old")).get();
            try (KafkaProducer<String, String> fresh = txProducer(broker, "tx-f")) {
                assertThatThrownBy(old::commitTransaction).isInstanceOf(KafkaException.class);
                old.close(Duration.ZERO);
                fresh.beginTransaction();
                fresh.send(new ProducerRecord<>(tp.topic(), 0, null, "new"));
                fresh.commitTransaction();
            }
            assertThat(readValues(broker, tp, "read_committed", 1, 10_000)).containsExactly("new");
        }
    }

    @Test
    void aTransactionOpenPastItsTimeoutIsAborted() throws Exception {
        TopicPartition tp = new TopicPartition("slow", 0);
        try (RunnelBroker broker = Clients.broker(dir)) {
            KafkaProducer<String, String> p = Clients.producer(broker, "transactional.id", "tx-slow",
                    "transaction.timeout.ms", 1000);
            p.initTransactions();
            p.beginTransaction();
            p.send(new ProducerRecord<>(tp.topic(), 0, null, "late")).get();
            Thread.sleep(2500);
            assertThatThrownBy(p::commitTransaction).isInstanceOf(KafkaException.class);
            p.close(Duration.ZERO);
            try (KafkaProducer<String, String> plain = Clients.producer(broker)) {
                plain.send(new ProducerRecord<>(tp.topic(), 0, null, "next")).get();
            }
            assertThat(readValues(broker, tp, "read_committed", 1, 10_000)).containsExactly("next");
        }
    }

    @Test
    void anOpenTransactionIsAbortedWhenTheBrokerRestarts() throws Exception {
        TopicPartition tp = new TopicPartition("crashed", 0);
        try (RunnelBroker broker = Clients.broker(dir)) {
            KafkaProducer<String, String> p = txProducer(broker, "tx-r");
            p.beginTransaction();
            p.send(new ProducerRecord<>(tp.topic(), 0, null, "lost")).get();
            p.close(Duration.ZERO);
        }
        try (RunnelBroker broker = Clients.broker(dir)) {
            try (KafkaProducer<String, String> plain = Clients.producer(broker)) {
                plain.send(new ProducerRecord<>(tp.topic(), 0, null, "after")).get();
            }
            assertThat(readValues(broker, tp, "read_committed", 1, 10_000)).containsExactly("after");
            try (KafkaProducer<String, String> p = txProducer(broker, "tx-r")) {
                p.beginTransaction();
                p.send(new ProducerRecord<>(tp.topic(), 0, null, "again"));
                p.commitTransaction();
            }
            assertThat(readValues(broker, tp, "read_committed", 2, 10_000)).containsExactly("after", "again");
        }
    }
}
