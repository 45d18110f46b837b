package io.runnel.connectors.kafka;

import java.io.Serializable;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Turns a consumed record into a stream element; return null to skip it. */
@FunctionalInterface
public interface KafkaRecordDeserializer<T> extends Serializable {
    T deserialize(ConsumerRecord<byte[], byte[]> record) throws Exception;

    /**
     * Passes the elements of one record to {@code out}: by default the one {@link #deserialize(ConsumerRecord)}
     * gives, if any; a format whose record holds several (a change event's before and after) overrides it.
     */
    default void deserialize(ConsumerRecord<byte[], byte[]> record, java.util.function.Consumer<T> out) throws Exception {
        T value = deserialize(record);
        if (value != null) {
            out.accept(value);
        }
    }

    /** Values as UTF-8 strings. */
    static KafkaRecordDeserializer<String> valueString() {
        return r -> r.value() == null ? null : new String(r.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
