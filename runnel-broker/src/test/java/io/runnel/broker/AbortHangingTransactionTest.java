package io.runnel.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.message.WriteTxnMarkersRequestData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.WriteTxnMarkersRequest;
import org.apache.kafka.common.requests.WriteTxnMarkersResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WriteTxnMarkers: Admin.abortTransaction ends a hanging transaction on a partition. */
class AbortHangingTransactionTest {
    private static final TopicPartition TP = new TopicPartition("hang", 0);
    @TempDir
    Path dir;

    @Test
    void adminAbortLetsReadCommittedConsumersPassTheHangingTransaction() throws Exception {
        try (RunnelBroker broker = Clients.broker(dir); Admin admin = Clients.admin(broker);
             KafkaProducer<String, String> plain = Clients.producer(broker)) {
            admin.createTopics(List.of(new NewTopic("hang", 1, (short) 1))).all().get();
            KafkaProducer<String, String> stuck = Clients.producer(broker, "transactional.id", "stuck",
                    "transaction.timeout.ms", "600000");
            stuck.initTransactions();
            stuck.beginTransaction();
            for (int i = 0; i < 3; i++) {
                stuck.send(new ProducerRecord<>("hang", 0, null, "aborted-" + i));
            }
            stuck.flush(); // the producer now hangs: never commits, never aborts
            plain.send(new ProducerRecord<>("hang", 0, null, "after-1")).get();
            plain.send(new ProducerRecord<>("hang", 0, null, "after-2")).get();
            assertThat(readCommittedEnd(broker)).isZero();

            ProducerState hanging = admin.describeProducers(List.of(TP)).partitionResult(TP).get().activeProducers()
                    .stream().filter(p -> p.currentTransactionStartOffset().isPresent()).findFirst().orElseThrow();
            admin.abortTransaction(new AbortTransactionSpec(TP, hanging.producerId(), (short) hanging.producerEpoch(),
                    hanging.coordinatorEpoch().orElse(0))).all().get();

            assertThat(readCommittedEnd(broker)).isEqualTo(6); // 3 aborted, their marker, 2 plain
            assertThat(readCommitted(broker)).containsExactly("after-1", "after-2");
            stuck.close(Duration.ZERO);
        }
    }

    @Test
    void markerOlderThanTheProducersEpochIsRefused() throws Exception {
        try (RunnelBroker broker = Clients.broker(dir); Admin admin = Clients.admin(broker);
             RawClient raw = new RawClient(broker)) {
            admin.createTopics(List.of(new NewTopic("hang", 1, (short) 1))).all().get();
            long producerId;
            try (KafkaProducer<String, String> p = Clients.producer(broker, "transactional.id", "twice")) {
                p.initTransactions();
                p.beginTransaction();
                p.send(new ProducerRecord<>("hang", 0, null, "x")).get();
                p.commitTransaction();
            }
            try (KafkaProducer<String, String> p = Clients.producer(broker, "transactional.id", "twice")) {
                p.initTransactions(); // epoch 1
                p.beginTransaction();
                p.send(new ProducerRecord<>("hang", 0, null, "y")).get();
                producerId = admin.describeProducers(List.of(TP)).partitionResult(TP).get().activeProducers()
                        .get(0).producerId();
                WriteTxnMarkersResponse stale = raw.send(markers(producerId, (short) 0));
                assertThat(stale.errorsByProducerId().get(producerId).get(TP)).isEqualTo(Errors.INVALID_PRODUCER_EPOCH);
                WriteTxnMarkersResponse unknown = raw.send(new WriteTxnMarkersRequest.Builder(
                        new WriteTxnMarkersRequestData().setMarkers(List.of(new WriteTxnMarkersRequestData.WritableTxnMarker()
                                .setProducerId(producerId).setProducerEpoch((short) 1).setTransactionResult(false)
                                .setTopics(List.of(new WriteTxnMarkersRequestData.WritableTxnMarkerTopic()
                                        .setName("nope").setPartitionIndexes(List.of(0))))))));
                assertThat(unknown.errorsByProducerId().get(producerId).get(new TopicPartition("nope", 0)))
                        .isEqualTo(Errors.UNKNOWN_TOPIC_OR_PARTITION);
                p.abortTransaction();
            }
        }
    }

    private static WriteTxnMarkersRequest.Builder markers(long producerId, short epoch) {
        return new WriteTxnMarkersRequest.Builder(new WriteTxnMarkersRequestData().setMarkers(List.of(
                new WriteTxnMarkersRequestData.WritableTxnMarker().setProducerId(producerId).setProducerEpoch(epoch)
                        .setTransactionResult(false).setCoordinatorEpoch(0)
                        .setTopics(List.of(new WriteTxnMarkersRequestData.WritableTxnMarkerTopic().setName("hang")
                                .setPartitionIndexes(List.of(0)))))));
    }

    private static long readCommittedEnd(RunnelBroker broker) {
        try (KafkaConsumer<String, String> c = Clients.consumer(broker, "isolation.level", "read_committed")) {
            return c.endOffsets(Set.of(TP)).get(TP);
        }
    }

    private static List<String> readCommitted(RunnelBroker broker) {
        try (KafkaConsumer<String, String> c = Clients.consumer(broker, "isolation.level", "read_committed")) {
            c.assign(Set.of(TP));
            List<String> out = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 10_000;
            while (c.position(TP) < 6 && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(100))) {
                    out.add(r.value());
                }
            }
            return out;
        }
    }
}
