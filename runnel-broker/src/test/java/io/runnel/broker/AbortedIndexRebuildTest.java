package io.runnel.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Aborted records stay hidden from read_committed after a restart even when the aborted-transaction
 * index lost its entry (a crash between the abort marker and the index write): the index is rebuilt
 * from the whole log.
 */
class AbortedIndexRebuildTest {
    @TempDir
    Path dir;

    @Test
    void abortedRecordsStayHiddenWhenTheIndexIsLost() throws Exception {
        TopicPartition tp = new TopicPartition("tx-rebuild", 0);
        try (RunnelBroker broker = Clients.broker(dir);
             KafkaProducer<String, String> p = Clients.producer(broker, "transactional.id", "rebuild")) {
            p.initTransactions();
            p.beginTransaction();
            for (int i = 0; i < 4; i++) {
                p.send(new ProducerRecord<>(tp.topic(), 0, null, "aborted-" + i));
            }
            p.flush();
            p.abortTransaction();
            p.beginTransaction();
            p.send(new ProducerRecord<>(tp.topic(), 0, null, "committed"));
            p.commitTransaction();
        }
        Path index = dir.resolve("tx-rebuild-0").resolve("aborted-txns.index");
        assertThat(index).exists();
        Files.delete(index);
        try (RunnelBroker broker = Clients.broker(dir)) {
            assertThat(readCommitted(broker, tp, "committed")).containsExactly("committed");
        }
        assertThat(Files.size(index)).as("rewritten from the log").isPositive();
    }

    /** An open transaction whose first batch is 17 MiB before the log end is still found and aborted. */
    @Test
    void aTransactionOpenFarBehindTheLogEndIsAbortedOnRestart() throws Exception {
        TopicPartition tp = new TopicPartition("tx-far", 0);
        RunnelBroker broker = Clients.broker(dir);
        KafkaProducer<String, String> tx = Clients.producer(broker, "transactional.id", "far");
        try (KafkaProducer<String, String> plain = Clients.producer(broker, "acks", "1")) {
            tx.initTransactions();
            tx.beginTransaction();
            tx.send(new ProducerRecord<>(tp.topic(), 0, null, "open-0")).get();
            String filler = "f".repeat(100_000);
            for (int i = 0; i < 175; i++) {
                plain.send(new ProducerRecord<>(tp.topic(), 0, null, filler));
            }
            plain.send(new ProducerRecord<>(tp.topic(), 0, null, "plain-last")).get();
        } finally {
            broker.close(); // the transaction is left ONGOING in __transaction_state
            tx.close(Duration.ZERO);
        }
        try (RunnelBroker restarted = Clients.broker(dir)) {
            List<String> seen = readCommitted(restarted, tp, "plain-last");
            assertThat(seen.stream().filter(v -> !v.startsWith("fff")).toList()).containsExactly("plain-last");
            assertThat(seen.size()).as("fillers and the last plain record").isEqualTo(176);
        }
    }

    /** Read-committed values from the start until {@code last} has been read. */
    private static List<String> readCommitted(RunnelBroker broker, TopicPartition tp, String last) {
        try (KafkaConsumer<String, String> c = Clients.consumer(broker, "isolation.level", "read_committed")) {
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            List<String> out = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < deadline && !out.contains(last)) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(100))) {
                    out.add(r.value());
                }
            }
            return out;
        }
    }
}
