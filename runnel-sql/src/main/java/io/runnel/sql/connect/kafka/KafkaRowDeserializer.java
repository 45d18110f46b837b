package io.runnel.sql.connect.kafka;

import io.runnel.connectors.kafka.KafkaRecordDeserializer;
import io.runnel.sql.data.Row;
import io.runnel.sql.data.RowKind;
import io.runnel.sql.format.FormatException;
import io.runnel.sql.format.RowDecoder;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A consumed record as the table's rows: the value format's rows with the key format's columns put in their places,
 * then the requested metadata columns. For upsert-kafka a null value (a tombstone) is a delete of its key, every
 * other record an upsert (an update-after, normalized later). A record a format cannot read fails the job naming the
 * table, topic, partition and offset.
 */
final class KafkaRowDeserializer implements KafkaRecordDeserializer<Row> {
    private static final long serialVersionUID = 1L;
    private final String table;
    private final RowDecoder keyDecoder; // null: no key format
    private final RowDecoder valueDecoder;
    private final int[] keyFields;
    private final int[] valueFields;
    private final int physicalArity;
    private final List<String> metadata;
    private final boolean upsert;
    private transient Row key;

    KafkaRowDeserializer(String table, RowDecoder keyDecoder, RowDecoder valueDecoder, int[] keyFields, int[] valueFields,
                         int physicalArity, List<String> metadata, boolean upsert) {
        this.table = table;
        this.keyDecoder = keyDecoder;
        this.valueDecoder = valueDecoder;
        this.keyFields = keyFields;
        this.valueFields = valueFields;
        this.physicalArity = physicalArity;
        this.metadata = List.copyOf(metadata);
        this.upsert = upsert;
    }

    @Override
    public Row deserialize(ConsumerRecord<byte[], byte[]> record) {
        throw new UnsupportedOperationException("a record may hold several rows");
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Consumer<Row> out) {
        try {
            key = null;
            if (keyDecoder != null) {
                keyDecoder.decode(record.key(), r -> key = r);
                if (key == null && (upsert || record.key() != null)) {
                    return; // an unreadable key skipped under ignore-parse-errors
                }
            }
            if (upsert && record.value() == null) {
                Object[] fields = new Object[physicalArity + metadata.size()];
                placeKey(fields);
                addMetadata(fields, record);
                out.accept(new Row(RowKind.DELETE, fields));
                return;
            }
            valueDecoder.decode(record.value(), value -> out.accept(assemble(value, record)));
        } catch (FormatException e) {
            throw new FormatException("table " + table + ": record at offset " + record.offset() + " of " + record.topic()
                    + "-" + record.partition() + ": " + e.getMessage(), e);
        }
    }

    private Row assemble(Row value, ConsumerRecord<byte[], byte[]> record) {
        if (keyDecoder == null && metadata.isEmpty() && valueFields.length == physicalArity) {
            if (upsert) {
                value.kind(RowKind.UPDATE_AFTER);
            }
            return value;
        }
        Object[] fields = new Object[physicalArity + metadata.size()];
        Object[] v = value.fields();
        for (int i = 0; i < valueFields.length; i++) {
            fields[valueFields[i]] = v[i];
        }
        placeKey(fields);
        addMetadata(fields, record);
        return new Row(upsert ? RowKind.UPDATE_AFTER : value.kind(), fields);
    }

    private void placeKey(Object[] fields) {
        if (key != null) {
            Object[] k = key.fields();
            for (int i = 0; i < keyFields.length; i++) {
                fields[keyFields[i]] = k[i];
            }
        }
    }

    private void addMetadata(Object[] fields, ConsumerRecord<byte[], byte[]> record) {
        for (int i = 0; i < metadata.size(); i++) {
            fields[physicalArity + i] = KafkaMetadata.read(metadata.get(i), record);
        }
    }
}
