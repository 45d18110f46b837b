package io.runnel.sql.connect.kafka;

import io.runnel.connectors.kafka.KafkaRecordSerializer;
import io.runnel.sql.data.Row;
import io.runnel.sql.data.RowKind;
import io.runnel.sql.format.RowEncoder;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A row as the record to produce: key from the key columns (none without a key format), value from the value
 * columns, the record timestamp from a written {@code timestamp} metadata column or else the row's, headers from a
 * {@code headers} column. For upsert-kafka a delete is a tombstone (the key and a null value).
 */
final class KafkaRowSerializer implements KafkaRecordSerializer<Row> {
    private static final long serialVersionUID = 1L;
    private final String topic;
    private final RowEncoder keyEncoder; // null: no key
    private final RowEncoder valueEncoder;
    private final int[] keyFields;
    private final int[] valueFields;
    private final int physicalArity;
    private final int timestampColumn; // -1: none
    private final int headersColumn;
    private final boolean upsert;

    KafkaRowSerializer(String topic, RowEncoder keyEncoder, RowEncoder valueEncoder, int[] keyFields, int[] valueFields,
                       int physicalArity, List<String> metadata, boolean upsert) {
        this.topic = topic;
        this.keyEncoder = keyEncoder;
        this.valueEncoder = valueEncoder;
        this.keyFields = keyFields;
        this.valueFields = valueFields;
        this.physicalArity = physicalArity;
        this.timestampColumn = metadata.indexOf("timestamp") < 0 ? -1 : physicalArity + metadata.indexOf("timestamp");
        this.headersColumn = metadata.indexOf("headers") < 0 ? -1 : physicalArity + metadata.indexOf("headers");
        this.upsert = upsert;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(Row row, long timestamp) {
        byte[] key = keyEncoder == null ? null : keyEncoder.encode(project(row, keyFields));
        byte[] value = upsert && row.kind() == RowKind.DELETE ? null : valueEncoder.encode(project(row, valueFields));
        Long ts = timestamp == Long.MIN_VALUE ? null : timestamp;
        if (timestampColumn >= 0 && row.field(timestampColumn) != null) {
            ts = ((Number) row.field(timestampColumn)).longValue();
        }
        RecordHeaders headers = null;
        if (headersColumn >= 0 && row.field(headersColumn) != null) {
            headers = new RecordHeaders();
            for (Map.Entry<?, ?> h : ((Map<?, ?>) row.field(headersColumn)).entrySet()) {
                headers.add(String.valueOf(h.getKey()), KafkaMetadata.headerBytes(h.getValue()));
            }
        }
        return new ProducerRecord<>(topic, null, ts, key, value, headers);
    }

    /** The row of {@code fields}, the whole physical row when that is all of it. */
    private Row project(Row row, int[] fields) {
        if (fields.length == physicalArity && row.arity() == physicalArity) {
            return row;
        }
        Object[] out = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            out[i] = row.field(fields[i]);
        }
        return new Row(row.kind(), out);
    }
}
