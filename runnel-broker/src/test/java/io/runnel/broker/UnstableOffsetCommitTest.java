package io.runnel.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.message.OffsetFetchRequestData;
import org.apache.kafka.common.message.OffsetFetchResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.OffsetFetchRequest;
import org.apache.kafka.common.requests.OffsetFetchResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OffsetFetch requireStable (KIP-447): a pending transactional offset commit is UNSTABLE_OFFSET_COMMIT. */
class UnstableOffsetCommitTest {
    private static final TopicPartition TP = new TopicPartition("in", 0);
    @TempDir
    Path dir;

    @Test
    void readCommittedConsumerWaitsForThePendingTransactionalCommit() throws Exception {
        try (RunnelBroker broker = Clients.broker(dir); Admin admin = Clients.admin(broker);
             KafkaProducer<String, String> tx = Clients.producer(broker, "transactional.id", "copier");
             RawClient raw = new RawClient(broker)) {
            admin.createTopics(List.of(new NewTopic("in", 1, (short) 1), new NewTopic("out", 1, (short) 1)))
                    .all().get();
            tx.initTransactions();
            tx.beginTransaction();
            tx.send(new ProducerRecord<>("out", "copied")).get();
            tx.sendOffsetsToTransaction(Map.of(TP, new OffsetAndMetadata(42)), new ConsumerGroupMetadata("g"));

            assertThat(fetch(raw, true).errorCode()).isEqualTo(Errors.UNSTABLE_OFFSET_COMMIT.code());
            var loose = fetch(raw, false);
            assertThat(loose.errorCode()).isEqualTo(Errors.NONE.code());
            assertThat(loose.committedOffset()).isEqualTo(-1);
            try (KafkaConsumer<String, String> c = Clients.consumer(broker, "group.id", "g",
                    "isolation.level", "read_committed")) {
                assertThatThrownBy(() -> c.committed(Set.of(TP), Duration.ofSeconds(1)))
                        .isInstanceOf(TimeoutException.class); // retried UNSTABLE_OFFSET_COMMIT until the deadline
                tx.commitTransaction();
                assertThat(c.committed(Set.of(TP), Duration.ofSeconds(10)).get(TP).offset()).isEqualTo(42);
            }
            assertThat(fetch(raw, true).committedOffset()).isEqualTo(42);
        }
    }

    private static OffsetFetchResponseData.OffsetFetchResponsePartitions fetch(RawClient raw, boolean requireStable) throws Exception {
        OffsetFetchRequestData data = new OffsetFetchRequestData().setRequireStable(requireStable)
                .setGroups(List.of(new OffsetFetchRequestData.OffsetFetchRequestGroup().setGroupId("g")
                        .setTopics(List.of(new OffsetFetchRequestData.OffsetFetchRequestTopics().setName("in")
                                .setPartitionIndexes(List.of(0))))));
        OffsetFetchResponse resp = raw.send(OffsetFetchRequest.Builder.forTopicNames(data, false), (short) 9);
        return resp.data().groups().get(0).topics().get(0).partitions().get(0);
    }
}
