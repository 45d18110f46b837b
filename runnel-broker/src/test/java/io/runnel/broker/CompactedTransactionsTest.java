package io.runnel.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transactions on a compacted topic: the cleaner removes aborted data; committed data reads as before. */
class CompactedTransactionsTest {
    @TempDir
    Path dir;

    @Test
    void abortedRecordsAreCleanedAwayAndCommittedOnesStayReadable() throws Exception {
        try (RunnelBroker broker = Clients.broker(dir, "log.cleaner.backoff.ms", "50");
             Admin admin = Clients.admin(broker)) {
            admin.createTopics(List.of(new NewTopic("txn-table", 1, (short) 1).configs(Map.of(
                    "cleanup.policy", "compact", "internal.segment.bytes", "1024", "min.cleanable.dirty.ratio", "0.01",
                    "delete.retention.ms", "0")))).all().get();
            Map<String, String> committed = new HashMap<>();
            try (KafkaProducer<String, String> p = Clients.producer(broker, "transactional.id", "tx-1")) {
                p.initTransactions();
                p.beginTransaction();
                p.send(new ProducerRecord<>("txn-table", "x", "aborted"));
                p.abortTransaction();
                p.beginTransaction();
                p.send(new ProducerRecord<>("txn-table", "y", "committed-after-abort"));
                p.commitTransaction();
                committed.put("y", "committed-after-abort");
                for (int i = 0; i < 60; i++) {
                    p.beginTransaction();
                    p.send(new ProducerRecord<>("txn-table", "f" + (i % 5), "v" + i));
                    p.commitTransaction();
                    committed.put("f" + (i % 5), "v" + i);
                }
            }
            TopicPartition tp = new TopicPartition("txn-table", 0);
            List<ConsumerRecord<String, String>> uncommitted = List.of();
            for (int attempt = 0; attempt < 100; attempt++) {
                uncommitted = read(broker, tp, "read_uncommitted");
                if (uncommitted.stream().noneMatch(r -> r.value().equals("aborted")) && uncommitted.size() < 62) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(uncommitted).as("aborted data removed by the cleaner")
                    .noneMatch(r -> r.value().equals("aborted")).hasSizeLessThan(62);
            Map<String, String> latest = new HashMap<>();
            read(broker, tp, "read_committed").forEach(r -> latest.put(r.key(), r.value()));
            assertThat(latest).isEqualTo(committed);
        }
    }

    private static List<ConsumerRecord<String, String>> read(RunnelBroker broker, TopicPartition tp, String isolation) {
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = Clients.consumer(broker, "isolation.level", isolation)) {
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            long end = c.endOffsets(List.of(tp)).get(tp);
            while (c.position(tp) < end) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }
}
