package io.runnel.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.StreamEnvironment;
import io.runnel.api.time.WatermarkStrategy;
import io.runnel.api.windowing.TumblingEventTimeWindows;
import io.runnel.broker.RunnelBroker;
import io.runnel.testing.CollectSink;
import java.io.Serializable;
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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka source and sink against Runnel's own broker, with the official client as the peer.
 * With {@code -Drunnel.kafka.bootstrap=HOST:PORT} the same tests run against another broker,
 * e.g. Apache Kafka started by the anchor's start-kafka.sh.
 */
class KafkaConnectorTest implements Serializable {
    static RunnelBroker broker;
    static String bootstrap;
    static final String SUFFIX = Long.toHexString(System.nanoTime());
    static final String IN = "in-" + SUFFIX;
    static final String OUT = "out-" + SUFFIX;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        bootstrap = System.getProperty("runnel.kafka.bootstrap");
        if (bootstrap == null) {
            broker = RunnelBroker.start(Map.of("port", "0", "log.dirs", dir.toString()));
            bootstrap = broker.bootstrapServers();
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(IN, 3, (short) 1), new NewTopic(OUT, 2, (short) 1))).all().get();
        }
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < 3000; i++) producer.send(new ProducerRecord<>(IN, i % 3, 1_000L * i, "k" + i, "v" + i));
        }
    }

    @AfterAll
    static void stop() {
        if (broker != null) broker.close();
    }

    static KafkaSource<String> source(String topic) {
        return KafkaSource.<String>builder().bootstrapServers(bootstrap).topics(topic).bounded()
                .deserializer(KafkaRecordDeserializer.valueString()).build();
    }

    @Test
    void boundedSourceReadsEveryPartitionAtEveryParallelism() throws Exception {
        for (int p : new int[] {1, 2, 4}) {
            StreamEnvironment env = StreamEnvironment.create().setParallelism(p);
            CollectSink<String> sink = new CollectSink<>();
            env.fromSource(source(IN), WatermarkStrategy.noWatermarks(), "kafka").sinkTo(sink);
            env.execute("read");
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 3000; i++) expected.add("v" + i);
            assertThat(sink.results()).containsExactlyInAnyOrderElementsOf(expected);
            sink.clear();
        }
    }

    @Test
    void recordTimestampsDriveEventTimeWindowsPerPartition() throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
        CollectSink<Long> sink = new CollectSink<>();
        env.fromSource(source(IN), WatermarkStrategy.forMonotonousTimestamps(), "kafka")
                .map(v -> 1L).windowAll(TumblingEventTimeWindows.of(Duration.ofSeconds(100))).reduce(Long::sum)
                .sinkTo(sink);
        env.execute("windows");
        assertThat(sink.results()).hasSize(30).allMatch(c -> c == 100L);
        sink.clear();
    }

    @Test
    void sinkWritesEveryRecordForAnyConsumer() throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
        env.fromSource(source(IN), WatermarkStrategy.noWatermarks(), "kafka").map(v -> v.toUpperCase())
                .sinkTo(new KafkaSink<>(bootstrap, KafkaRecordSerializer.valueString(OUT)));
        env.execute("copy");
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("group.id", "checker-" + SUFFIX);
        p.put("auto.offset.reset", "earliest");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            c.subscribe(List.of(OUT));
            long deadline = System.currentTimeMillis() + 30_000;
            while (seen.size() < 3000 && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) seen.add(r.value());
            }
        }
        assertThat(seen).hasSize(3000).contains("V0", "V2999").doesNotHaveDuplicates();
    }

    @Test
    void anUnknownTopicIsAClearError() {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(1);
        env.fromSource(source("no-such-topic"), WatermarkStrategy.noWatermarks(), "kafka").sinkTo(new CollectSink<>());
        assertThatThrownBy(() -> env.execute("unknown")).hasMessageContaining("unknown topic 'no-such-topic'");
    }
}
