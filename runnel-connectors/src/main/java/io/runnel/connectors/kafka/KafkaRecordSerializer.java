package io.runnel.connectors.kafka;

import java.io.Serializable;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Turns a stream element into the record to produce (topic, key, value, headers). */
@FunctionalInterface
public interface KafkaRecordSerializer<T> extends Serializable {
    ProducerRecord<byte[], byte[]> serialize(T element, long timestamp);

    /** {@code toString()} as the UTF-8 value, no key, to {@code topic}. */
    static <T> KafkaRecordSerializer<T> valueString(String topic) {
        return (e, ts) -> new ProducerRecord<>(topic, null, ts == Long.MIN_VALUE ? null : ts, null,
                e.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
