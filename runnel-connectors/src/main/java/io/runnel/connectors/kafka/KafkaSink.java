package io.runnel.connectors.kafka;

import io.runnel.api.connector.Sink;
import io.runnel.api.connector.SinkContext;
import io.runnel.api.connector.SinkWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes records through the Kafka protocol with an idempotent producer, acks=all. At-least-once:
 * a flush (end of input, later every checkpoint) waits until every record is acknowledged, and a
 * failed send fails the job at the next write or flush.
 */
public final class KafkaSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;
    private final Map<String, String> properties;
    private final KafkaRecordSerializer<T> serializer;

    public KafkaSink(String bootstrapServers, KafkaRecordSerializer<T> serializer) {
        this(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), serializer);
    }

    public KafkaSink(Map<String, String> properties, KafkaRecordSerializer<T> serializer) {
        this.properties = new LinkedHashMap<>(properties);
        this.serializer = Objects.requireNonNull(serializer);
        if (!this.properties.containsKey(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalArgumentException("Kafka sink: bootstrap servers are required");
        }
    }

    @Override
    public SinkWriter<T> createWriter(SinkContext context) {
        Properties p = new Properties();
        p.putAll(properties);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p);
        AtomicReference<Exception> failure = new AtomicReference<>();
        return new SinkWriter<>() {
            private void check() throws Exception {
                Exception e = failure.get();
                if (e != null) throw new IllegalStateException("Kafka sink: a send failed: " + e.getMessage(), e);
            }

            @Override
            public void write(T record, long timestamp) throws Exception {
                check();
                producer.send(serializer.serialize(record, timestamp), (meta, e) -> {
                    if (e != null) failure.compareAndSet(null, e);
                });
            }

            @Override
            public void flush(boolean endOfInput) throws Exception {
                producer.flush();
                check();
            }

            @Override
            public void close() {
                producer.close(Duration.ofSeconds(10));
            }
        };
    }
}
