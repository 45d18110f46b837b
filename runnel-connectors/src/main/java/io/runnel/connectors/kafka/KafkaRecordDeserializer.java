package io.runnel.connectors.kafka;

import java.io.Serializable;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Turns a consumed record into a stream element; return null to skip it. */
@FunctionalInterface
public interface KafkaRecordDeserializer<T> extends Serializable {
    T deserialize(ConsumerRecord<byte[], byte[]> record) throws Exception;

    /** Values as UTF-8 strings. */
    static KafkaRecordDeserializer<String> valueString() {
        return r -> r.value() == null ? null : new String(r.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
