package io.runnel.connectors.kafka;

import io.runnel.broker.RunnelBroker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The broker the Kafka tests talk to: an embedded Runnel broker, or with
 * {@code -Drunnel.kafka.bootstrap=HOST:PORT} another one (e.g. Apache Kafka from the anchor's
 * start-kafka.sh). Plus the checks the tests share, made with the official client.
 */
final class TestCluster implements AutoCloseable {
    static final String SUFFIX = Long.toHexString(System.nanoTime());
    private final RunnelBroker broker;
    final String bootstrap;

    TestCluster(Path dir) throws Exception {
        String external = System.getProperty("runnel.kafka.bootstrap");
        broker = external == null ? RunnelBroker.start(Map.of("port", "0", "log.dirs", dir.toString())) : null;
        bootstrap = external == null ? broker.bootstrapServers() : external;
    }

    String createTopic(String name, int partitions) throws Exception {
        String topic = name + "-" + SUFFIX;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
        return topic;
    }

    private KafkaConsumer<byte[], byte[]> consumer(String isolation) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("isolation.level", isolation);
        p.put("key.deserializer", ByteArrayDeserializer.class.getName());
        p.put("value.deserializer", ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }

    /** Every value a read_committed consumer can read now (up to the last stable offsets). */
    List<String> readCommitted(String topic) {
        try (KafkaConsumer<byte[], byte[]> c = consumer("read_committed")) {
            List<TopicPartition> tps = new ArrayList<>();
            for (PartitionInfo i : c.partitionsFor(topic)) tps.add(new TopicPartition(topic, i.partition()));
            c.assign(tps);
            c.seekToBeginning(tps);
            Map<TopicPartition, Long> end = c.endOffsets(tps);
            List<String> out = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (tps.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                if (System.currentTimeMillis() > deadline) throw new AssertionError("could not read " + topic + " to " + end);
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(100))) {
                    out.add(new String(r.value(), StandardCharsets.UTF_8));
                }
            }
            return out;
        }
    }

    /** Whether a read_committed reader can reach the log end: no transaction left open. */
    boolean noOpenTransactions(String topic) {
        try (KafkaConsumer<byte[], byte[]> committed = consumer("read_committed");
             KafkaConsumer<byte[], byte[]> all = consumer("read_uncommitted")) {
            List<TopicPartition> tps = new ArrayList<>();
            for (PartitionInfo i : all.partitionsFor(topic)) tps.add(new TopicPartition(topic, i.partition()));
            return committed.endOffsets(tps).equals(all.endOffsets(tps));
        }
    }

    /** A copy through Java serialization, as a checkpoint or another process would get it. */
    @SuppressWarnings("unchecked")
    static <T> T copy(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Override
    public void close() {
        if (broker != null) broker.close();
    }
}
