package io.runnel.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker as a separate process with fsync per batch: kill -9 while a producer (acks=all) is
 * sending, restart, and check that every acknowledged record is there, in order, once; and kill -9
 * with a transaction open: committed transactions survive, the open one is aborted on restart,
 * also when it began far behind the log end.
 */
class KillNineTest {
    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedRecordSurvivesKillNine() throws Exception {
        int port = freePort();
        Process broker = startBroker(port);
        ConcurrentLinkedQueue<Integer> acked = new ConcurrentLinkedQueue<>();
        TopicPartition tp = new TopicPartition("crash", 0);
        try {
            RunnelBrokerAddress address = new RunnelBrokerAddress(port);
            KafkaProducer<String, String> producer = address.producer("acks", "all", "linger.ms", 1,
                    "delivery.timeout.ms", 5000, "request.timeout.ms", 2000, "max.block.ms", 5000);
            // Keep sending until a good number are acknowledged (the machine may be slow), then kill
            // while more are in flight.
            long giveUpAt = System.currentTimeMillis() + 30_000;
            int i = 0;
            while (acked.size() < 3000 && System.currentTimeMillis() < giveUpAt) {
                int n = i++;
                producer.send(new ProducerRecord<>(tp.topic(), 0, null, String.valueOf(n)), (md, e) -> {
                    if (e == null) {
                        acked.add(n);
                    }
                });
                if (n % 100 == 99) {
                    Thread.sleep(5);
                }
            }
            broker.destroyForcibly().waitFor(); // SIGKILL mid-produce
            producer.close(Duration.ZERO);
            assertThat(acked).as("records acknowledged before the kill").isNotEmpty();

            broker = startBroker(port);
            List<Integer> read = new ArrayList<>();
            try (KafkaConsumer<String, String> c = address.consumer()) {
                c.assign(List.of(tp));
                c.seekToBeginning(List.of(tp));
                long end = c.endOffsets(List.of(tp)).get(tp);
                long deadline = System.currentTimeMillis() + 20_000;
                while (c.position(tp) < end && System.currentTimeMillis() < deadline) {
                    for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                        read.add(Integer.parseInt(r.value()));
                    }
                }
            }
            System.err.println("KillNineTest: acknowledged " + acked.size() + ", read back " + read.size());
            assertThat(read).as("no duplicates").doesNotHaveDuplicates();
            assertThat(read).as("in send order").isSorted();
            assertThat(read).as("every acknowledged record").containsAll(new ArrayList<>(acked));
        } finally {
            broker.destroyForcibly().waitFor();
        }
    }

    @Test
    void committedTransactionsSurviveKillNineAndTheOpenOneIsAborted() throws Exception {
        int port = freePort();
        Process broker = startBroker(port);
        TopicPartition tp = new TopicPartition("txcrash", 0);
        try {
            RunnelBrokerAddress address = new RunnelBrokerAddress(port);
            KafkaProducer<String, String> producer = address.producer("transactional.id", "crash-tx",
                    "request.timeout.ms", 2000, "max.block.ms", 5000, "delivery.timeout.ms", 5000);
            producer.initTransactions();
            for (int t = 0; t < 5; t++) {
                producer.beginTransaction();
                for (int i = 0; i < 10; i++) {
                    producer.send(new ProducerRecord<>(tp.topic(), 0, null, "c" + (t * 10 + i)));
                }
                producer.commitTransaction();
            }
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(tp.topic(), 0, null, "open")).get();
            broker.destroyForcibly().waitFor(); // SIGKILL with a transaction open
            producer.close(Duration.ZERO);

            broker = startBroker(port);
            List<String> read = new ArrayList<>();
            try (KafkaConsumer<String, String> c = address.consumer("isolation.level", "read_committed")) {
                c.assign(List.of(tp));
                c.seekToBeginning(List.of(tp));
                long end = c.endOffsets(List.of(tp)).get(tp);
                long deadline = System.currentTimeMillis() + 20_000;
                while (c.position(tp) < end && System.currentTimeMillis() < deadline) {
                    c.poll(Duration.ofMillis(200)).forEach(r -> read.add(r.value()));
                }
                assertThat(c.position(tp)).as("not held back by the crashed transaction").isEqualTo(end);
            }
            assertThat(read).hasSize(50).doesNotContain("open");
            assertThat(read.get(0)).isEqualTo("c0");
            assertThat(read.get(49)).isEqualTo("c49");
        } finally {
            broker.destroyForcibly().waitFor();
        }
    }

    /** kill -9 with a transaction whose first batch is 17 MiB behind the log end (past any tail scan). */
    @Test
    void aTransactionOpenFarBehindTheLogEndStaysHiddenAfterKillNine() throws Exception {
        int port = freePort();
        Process broker = startBroker(port);
        TopicPartition tp = new TopicPartition("txfar", 0);
        try {
            RunnelBrokerAddress address = new RunnelBrokerAddress(port);
            KafkaProducer<String, String> tx = address.producer("transactional.id", "far-tx",
                    "request.timeout.ms", 5000, "max.block.ms", 10000, "delivery.timeout.ms", 10000);
            tx.initTransactions();
            tx.beginTransaction();
            tx.send(new ProducerRecord<>(tp.topic(), 0, null, "open")).get();
            try (KafkaProducer<String, String> plain = address.producer("acks", "1", "max.block.ms", 10000)) {
                String filler = "f".repeat(100_000);
                for (int i = 0; i < 175; i++) {
                    plain.send(new ProducerRecord<>(tp.topic(), 0, null, filler));
                }
                plain.send(new ProducerRecord<>(tp.topic(), 0, null, "last")).get();
            }
            broker.destroyForcibly().waitFor(); // SIGKILL with the transaction open
            tx.close(Duration.ZERO);

            broker = startBroker(port);
            List<String> read = new ArrayList<>();
            try (KafkaConsumer<String, String> c = address.consumer("isolation.level", "read_committed")) {
                c.assign(List.of(tp));
                c.seekToBeginning(List.of(tp));
                long deadline = System.currentTimeMillis() + 20_000;
                while (!read.contains("last") && System.currentTimeMillis() < deadline) {
                    c.poll(Duration.ofMillis(200)).forEach(r -> read.add(r.value()));
                }
            }
            assertThat(read.contains("open")).as("the open transaction's record, aborted on restart").isFalse();
            assertThat(read.size()).as("fillers and the last record").isEqualTo(176);
        } finally {
            broker.destroyForcibly().waitFor();
        }
    }

    private Process startBroker(int port) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                BrokerMain.class.getName(), "--port", String.valueOf(port), "--data-dir", dir.toString(),
                "log.flush.interval.messages=1", "num.io.threads=2")
                .redirectErrorStream(true)
                .redirectOutput(new File(dir.toFile(), "broker-" + System.nanoTime() + ".out"));
        Process p = pb.start();
        // If this test JVM is stopped early, do not leave the broker process behind.
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return p;
            } catch (IOException notYet) {
                assertThat(p.isAlive()).as("broker process exited early").isTrue();
                Thread.sleep(100);
            }
        }
        p.destroyForcibly();
        throw new AssertionError("broker did not start on port " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Clients for a broker known only by its port. */
    private record RunnelBrokerAddress(int port) {
        KafkaProducer<String, String> producer(Object... kv) {
            java.util.Properties p = new java.util.Properties();
            p.put("bootstrap.servers", "127.0.0.1:" + port);
            p.put("key.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName());
            p.put("value.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName());
            for (int i = 0; i < kv.length; i += 2) {
                p.put(kv[i], kv[i + 1]);
            }
            return new KafkaProducer<>(p);
        }

        KafkaConsumer<String, String> consumer(Object... kv) {
            java.util.Properties p = new java.util.Properties();
            for (int i = 0; i < kv.length; i += 2) {
                p.put(kv[i], kv[i + 1]);
            }
            p.put("bootstrap.servers", "127.0.0.1:" + port);
            p.put("key.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class.getName());
            p.put("value.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class.getName());
            return new KafkaConsumer<>(p);
        }
    }
}
