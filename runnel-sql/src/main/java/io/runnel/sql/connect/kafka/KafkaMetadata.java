package io.runnel.sql.connect.kafka;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The metadata columns a Kafka table may declare, as Flink's: {@code topic} (STRING), {@code partition} (INT),
 * {@code offset} (BIGINT), {@code timestamp} (TIMESTAMP_LTZ(3), also written), {@code timestamp-type} (STRING),
 * {@code headers} (MAP&lt;STRING, BYTES&gt;, also written), {@code leader-epoch} (INT).
 */
final class KafkaMetadata {
    static final Set<String> KEYS = Set.of("topic", "partition", "offset", "timestamp", "timestamp-type", "headers", "leader-epoch");
    static final Set<String> WRITABLE = Set.of("timestamp", "headers");

    private KafkaMetadata() {}

    /** The value of metadata {@code key} of a consumed record, in the row representation. */
    static Object read(String key, ConsumerRecord<byte[], byte[]> r) {
        return switch (key) {
            case "topic" -> r.topic();
            case "partition" -> r.partition();
            case "offset" -> r.offset();
            case "timestamp" -> r.timestamp();
            case "timestamp-type" -> r.timestampType().toString();
            case "leader-epoch" -> r.leaderEpoch().orElse(null);
            case "headers" -> {
                Map<String, byte[]> headers = new HashMap<>();
                for (Header h : r.headers()) {
                    headers.put(h.key(), h.value());
                }
                yield headers;
            }
            default -> throw new IllegalArgumentException(key);
        };
    }

    /** Header values a row gives, as bytes: BYTES as they are, anything else as its UTF-8 text. */
    static byte[] headerBytes(Object value) {
        return value == null ? null : value instanceof byte[] b ? b : value.toString().getBytes(StandardCharsets.UTF_8);
    }
}
