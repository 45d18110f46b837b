package io.runnel.bench.log;

import io.runnel.broker.RunnelBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Produce throughput, consume throughput and end-to-end latency through the official Kafka
 * client, against a broker at {@code bootstrap} (Runnel's, or Apache Kafka for comparison) or,
 * when none is given, an embedded Runnel broker in a temporary directory.
 */
public final class LogBenchmark {
    /** What to measure. */
    public record Options(String bootstrap, long records, int recordBytes, String acks, int partitions,
                          int latencyRate, int latencySeconds) {}

    private LogBenchmark() {}

    public static Map<String, Object> run(Options o) throws Exception {
        Path dir = null;
        RunnelBroker broker = null;
        String bootstrap = o.bootstrap();
        if (bootstrap == null) {
            dir = Files.createTempDirectory("runnel-bench-log");
            broker = RunnelBroker.start(Map.of("port", "0", "log.dirs", dir.toString()));
            bootstrap = broker.bootstrapServers();
        }
        try {
            String topic = "bench-" + System.nanoTime();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                admin.createTopics(List.of(new NewTopic(topic, o.partitions(), (short) 1))).all().get();
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("benchmark", "log");
            out.put("broker", broker == null ? bootstrap : "embedded runnel");
            out.put("records", o.records());
            out.put("record_bytes", o.recordBytes());
            out.put("acks", o.acks());
            out.put("partitions", o.partitions());
            double produceSeconds = produce(bootstrap, topic, o);
            double consumeSeconds = consume(bootstrap, topic, o);
            double mb = o.records() * (double) o.recordBytes() / 1048576.0;
            out.put("produce_records_per_second", Math.round(o.records() / produceSeconds));
            out.put("produce_mb_per_second", round(mb / produceSeconds));
            out.put("consume_records_per_second", Math.round(o.records() / consumeSeconds));
            out.put("consume_mb_per_second", round(mb / consumeSeconds));
            if (o.latencySeconds() > 0) {
                long[] lat = latency(bootstrap, topic + "-latency", o);
                out.put("e2e_rate", o.latencyRate());
                out.put("e2e_p50_ms", round(percentile(lat, 0.50) / 1e6));
                out.put("e2e_p99_ms", round(percentile(lat, 0.99) / 1e6));
                out.put("e2e_p999_ms", round(percentile(lat, 0.999) / 1e6));
            }
            out.put("events", o.records());
            out.put("seconds", round(produceSeconds));
            out.put("events_per_second", Math.round(o.records() / produceSeconds));
            out.put("peak_heap_mb", round(peakHeapMb()));
            return out;
        } finally {
            if (broker != null) broker.close();
            if (dir != null) deleteRecursively(dir);
        }
    }

    private static Properties producerProps(String bootstrap, String acks) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("acks", acks);
        p.put("key.serializer", ByteArraySerializer.class.getName());
        p.put("value.serializer", ByteArraySerializer.class.getName());
        return p;
    }

    private static Properties consumerProps(String bootstrap) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("key.deserializer", ByteArrayDeserializer.class.getName());
        p.put("value.deserializer", ByteArrayDeserializer.class.getName());
        p.put("enable.auto.commit", "false");
        p.put("auto.offset.reset", "earliest");
        return p;
    }

    /** Seconds from the first send until every record is acknowledged. */
    private static double produce(String bootstrap, String topic, Options o) throws Exception {
        byte[] value = new byte[o.recordBytes()];
        Arrays.fill(value, (byte) 'x');
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps(bootstrap, o.acks()))) {
            long t0 = System.nanoTime();
            for (long i = 0; i < o.records(); i++) {
                producer.send(new ProducerRecord<>(topic, value), (m, e) -> {
                    if (e != null) failure.compareAndSet(null, e);
                });
            }
            producer.flush();
            double s = (System.nanoTime() - t0) / 1e9;
            if (failure.get() != null) throw new IllegalStateException("produce failed: " + failure.get(), failure.get());
            return s;
        }
    }

    /** Seconds to read every record back from the beginning. */
    private static double consume(String bootstrap, String topic, Options o) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps(bootstrap))) {
            List<TopicPartition> parts = new ArrayList<>();
            for (int i = 0; i < o.partitions(); i++) parts.add(new TopicPartition(topic, i));
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            long seen = 0;
            long t0 = System.nanoTime();
            long deadline = System.currentTimeMillis() + 600_000;
            while (seen < o.records()) {
                if (System.currentTimeMillis() > deadline) throw new IllegalStateException("consumed only " + seen + " of " + o.records());
                seen += consumer.poll(Duration.ofMillis(100)).count();
            }
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    /** Sends at a fixed rate with linger.ms=0 while a consumer reads; nanoseconds from send to receipt. */
    private static long[] latency(String bootstrap, String topic, Options o) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, o.partitions(), (short) 1))).all().get();
        }
        int total = o.latencyRate() * o.latencySeconds();
        long[] lat = new long[total];
        Properties pp = producerProps(bootstrap, o.acks());
        pp.put("linger.ms", "0");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(pp);
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps(bootstrap))) {
            List<TopicPartition> parts = new ArrayList<>();
            for (int i = 0; i < o.partitions(); i++) parts.add(new TopicPartition(topic, i));
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            consumer.poll(Duration.ofMillis(10));
            Thread sender = new Thread(() -> {
                long start = System.nanoTime();
                long interval = 1_000_000_000L / o.latencyRate();
                for (int i = 0; i < total; i++) {
                    long due = start + i * interval;
                    while (System.nanoTime() < due) Thread.onSpinWait();
                    byte[] v = new byte[Math.max(o.recordBytes(), 12)];
                    java.nio.ByteBuffer.wrap(v).putInt(i).putLong(System.nanoTime());
                    producer.send(new ProducerRecord<>(topic, v));
                }
            }, "log-bench-sender");
            sender.start();
            int got = 0;
            long deadline = System.currentTimeMillis() + o.latencySeconds() * 1000L + 30_000;
            while (got < total && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(r.value());
                    b.getInt();
                    lat[got++] = System.nanoTime() - b.getLong();
                }
            }
            sender.join();
            return Arrays.copyOf(lat, got);
        }
    }

    static double percentile(long[] values, double p) {
        if (values.length == 0) return Double.NaN;
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static double peakHeapMb() {
        long sum = 0;
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) sum += pool.getPeakUsage().getUsed();
        }
        return sum / 1048576.0;
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
