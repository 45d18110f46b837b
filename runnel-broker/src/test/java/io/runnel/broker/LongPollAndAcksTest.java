package io.runnel.broker;

import static org.assertj.core.api.Assertions.assertThat;

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

/** A parked fetch is woken by an append (not by its timeout); acks=0 and acks=1 produce work. */
class LongPollAndAcksTest {
    @TempDir
    Path dir;

    @Test
    void parkedFetchIsAnsweredWhenDataArrives() throws Exception {
        TopicPartition tp = new TopicPartition("poll", 0);
        try (RunnelBroker broker = Clients.broker(dir);
             KafkaProducer<String, String> p = Clients.producer(broker)) {
            KafkaConsumer<String, String> c = Clients.consumer(broker, "fetch.max.wait.ms", 20_000);
            p.send(new ProducerRecord<>(tp.topic(), 0, null, "first")).get();
            c.assign(List.of(tp));
            c.seek(tp, 1); // at the end: the next fetch parks
            c.poll(Duration.ofMillis(300));
            long sent = System.nanoTime();
            p.send(new ProducerRecord<>(tp.topic(), 0, null, "second")).get();
            List<ConsumerRecord<String, String>> got = new ArrayList<>();
            while (got.isEmpty() && System.nanoTime() - sent < 15_000_000_000L) {
                c.poll(Duration.ofMillis(100)).forEach(got::add);
            }
            long waitedMs = (System.nanoTime() - sent) / 1_000_000;
            assertThat(got).extracting(ConsumerRecord::value).containsExactly("second");
            c.close(Duration.ofMillis(200)); // do not wait for the next parked fetch
            assertThat(waitedMs).as("woken by the append, not the 20 s max wait").isLessThan(5_000);
        }
    }

    @Test
    void acksZeroAndOneAreWritten() throws Exception {
        TopicPartition tp = new TopicPartition("acks", 0);
        try (RunnelBroker broker = Clients.broker(dir)) {
            try (KafkaProducer<String, String> p = Clients.producer(broker, "acks", "0", "enable.idempotence", "false")) {
                for (int i = 0; i < 100; i++) {
                    p.send(new ProducerRecord<>(tp.topic(), 0, null, "zero-" + i));
                }
                p.flush();
            }
            // acks=0 returns once the records are on the socket: wait until the broker has appended them, or the next
            // producer's record (another connection) may come first
            try (KafkaConsumer<String, String> c = Clients.consumer(broker)) {
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (c.endOffsets(List.of(tp)).get(tp) < 100 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(c.endOffsets(List.of(tp)).get(tp)).as("every acks=0 record written").isEqualTo(100);
            }
            try (KafkaProducer<String, String> p = Clients.producer(broker, "acks", "1", "enable.idempotence", "false")) {
                assertThat(p.send(new ProducerRecord<>(tp.topic(), 0, null, "one")).get().offset()).isEqualTo(100);
            }
            try (KafkaConsumer<String, String> c = Clients.consumer(broker)) {
                List<ConsumerRecord<String, String>> got = ProduceFetchTest.readAll(c, tp, 101);
                assertThat(got).hasSize(101);
                assertThat(got.get(0).value()).isEqualTo("zero-0");
                assertThat(got.get(100).value()).isEqualTo("one");
            }
        }
    }
}
