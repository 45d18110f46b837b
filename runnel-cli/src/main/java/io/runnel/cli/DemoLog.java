package io.runnel.cli;

import io.runnel.broker.RunnelBroker;
import io.runnel.connectors.kafka.KafkaRecordDeserializer;
import io.runnel.connectors.kafka.KafkaSource;
import io.runnel.connectors.kafka.StartingOffsets;
import io.runnel.connectors.nexmark.Event;
import io.runnel.connectors.nexmark.EventJson;
import io.runnel.connectors.nexmark.NexmarkGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The demo's log: an embedded Runnel broker in a temporary directory, a topic of Nexmark events
 * as JSON, and a producer thread that writes them at a fixed rate with the event time as the
 * record timestamp. The job then reads the topic like any Kafka topic.
 */
final class DemoLog implements AutoCloseable {
    static final String TOPIC = "nexmark-events";
    private final Path dir;
    private final RunnelBroker broker;
    private final Thread producer;
    final AtomicLong produced = new AtomicLong();
    private volatile boolean stop;

    DemoLog(long events, long rate) throws Exception {
        dir = Files.createTempDirectory("runnel-demo-log");
        broker = RunnelBroker.start(Map.of("port", "0", "log.dirs", dir.toString()));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get();
        }
        producer = new Thread(() -> produce(events, rate), "demo-producer");
        producer.setDaemon(true);
    }

    void start() {
        producer.start();
    }

    String bootstrap() {
        return broker.bootstrapServers();
    }

    KafkaSource<Event> source() {
        return KafkaSource.<Event>builder().bootstrapServers(broker.bootstrapServers()).topics(TOPIC)
                .startingOffsets(StartingOffsets.EARLIEST)
                .deserializer(json())
                .build();
    }

    private static KafkaRecordDeserializer<Event> json() {
        return r -> EventJson.parse(new String(r.value(), StandardCharsets.UTF_8));
    }

    boolean producerDone() {
        return !producer.isAlive();
    }

    private void produce(long events, long rate) {
        Properties p = new Properties();
        p.put("bootstrap.servers", broker.bootstrapServers());
        p.put("key.serializer", ByteArraySerializer.class.getName());
        p.put("value.serializer", ByteArraySerializer.class.getName());
        p.put("linger.ms", "5");
        NexmarkGenerator g = new NexmarkGenerator();
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> out = new KafkaProducer<>(p)) {
            for (long i = 0; i < events && !stop; i++) {
                while (!stop && i > (System.nanoTime() - start) / 1e9 * rate) Thread.sleep(1);
                Event e = g.event(i);
                out.send(new ProducerRecord<>(TOPIC, null, e.eventTime(), null, EventJson.toJson(e).getBytes(StandardCharsets.UTF_8)));
                produced.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws Exception {
        stop = true;
        producer.join(5_000);
        broker.close();
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
