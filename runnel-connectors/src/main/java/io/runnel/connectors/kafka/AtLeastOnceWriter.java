package io.runnel.connectors.kafka;

import io.runnel.api.connector.CommittingSinkWriter;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * One idempotent producer, acks=all. A flush (each checkpoint, end of input) waits until every
 * record is acknowledged; a failed send fails the job at the next write or flush. Nothing to commit.
 */
final class AtLeastOnceWriter<T> implements CommittingSinkWriter<T, KafkaCommittable> {
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaRecordSerializer<T> serializer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    AtLeastOnceWriter(Properties producerProperties, KafkaRecordSerializer<T> serializer) {
        this.producer = new KafkaProducer<>(producerProperties);
        this.serializer = serializer;
    }

    private void check() {
        Exception e = failure.get();
        if (e != null) throw new IllegalStateException("Kafka sink: a send failed: " + e.getMessage(), e);
    }

    @Override
    public void write(T record, long timestamp) {
        check();
        producer.send(serializer.serialize(record, timestamp), (meta, e) -> {
            if (e != null) failure.compareAndSet(null, e);
        });
    }

    @Override
    public void flush(boolean endOfInput) {
        producer.flush();
        check();
    }

    @Override
    public Collection<KafkaCommittable> prepareCommit(long checkpointId) {
        flush(false);
        return List.of();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
