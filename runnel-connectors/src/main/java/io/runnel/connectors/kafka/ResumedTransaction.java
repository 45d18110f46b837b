package io.runnel.connectors.kafka;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** A transaction another producer (object or process) opened and flushed, ended from here. */
final class ResumedTransaction implements AutoCloseable {
    private final KafkaProducer<byte[], byte[]> producer;

    ResumedTransaction(Properties clientProperties, KafkaCommittable c) {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, c.transactionalId());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer = new KafkaProducer<>(p);
        try {
            ProducerInternals.resume(producer, c);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    void commit() {
        producer.commitTransaction();
    }

    void abort() {
        producer.abortTransaction();
    }

    /** Closed at once: a graceful close would abort a transaction it failed to end. */
    @Override
    public void close() {
        producer.close(Duration.ZERO);
    }
}
