package io.runnel.sql.connect.kafka;

import io.runnel.api.DataStream;
import io.runnel.api.StreamEnvironment;
import io.runnel.api.time.WatermarkStrategy;
import io.runnel.connectors.kafka.KafkaSink;
import io.runnel.connectors.kafka.KafkaSource;
import io.runnel.sql.connect.TableConnector.SinkRequest;
import io.runnel.sql.connect.TableConnector.SourceRequest;
import io.runnel.sql.data.Row;
import io.runnel.sql.format.Formats;
import io.runnel.sql.format.RowDecoder;
import io.runnel.sql.format.RowEncoder;
import java.util.Map;

/** The source and sink both Kafka connectors build, differing only in whether the table is an upsert table. */
final class KafkaTables {
    private KafkaTables() {}

    static DataStream<Row> source(StreamEnvironment env, SourceRequest request, String connector, boolean upsert) {
        KafkaTableOptions o = new KafkaTableOptions(request.table(), connector, request.options(), request.physicalType(),
                request.primaryKey(), upsert);
        RowDecoder key = o.keyFormat == null ? null : Formats.decoder(o.options, "key.format", o.keyType(request.physicalType()));
        RowDecoder value = Formats.decoder(o.options, o.valueFormatKey, o.valueType(request.physicalType()));
        if (upsert && value.producesChanges()) {
            throw o.options.error("an upsert-kafka value format must be insert-only, not '" + o.options.get(o.valueFormatKey) + "'");
        }
        if (o.topicPattern != null && (!o.startOffsets.isEmpty() || !o.stopOffsets.isEmpty())) {
            throw o.options.error("specific offsets name the partitions of one 'topic', not of a 'topic-pattern'");
        }
        KafkaSource.Builder<Row> b = KafkaSource.<Row>builder().topics(o.topics.toArray(String[]::new))
                .deserializer(new KafkaRowDeserializer(request.table(), key, value, o.keyFields, o.valueFields,
                        request.physicalType().getFieldCount(), request.metadataKeys(), upsert));
        for (Map.Entry<String, String> p : o.properties.entrySet()) {
            b.property(p.getKey(), p.getValue());
        }
        if (o.topicPattern != null) {
            b.topicPattern(o.topicPattern);
        }
        switch (o.startup) {
            case TIMESTAMP -> b.startingOffsetsAt(o.startTimestamp);
            case SPECIFIC_OFFSETS -> b.startingOffsets(partitions(o.topics.get(0), o.startOffsets));
            default -> b.startingOffsets(o.startup);
        }
        if (o.stopTimestamp >= 0) {
            b.boundedAt(o.stopTimestamp);
        } else if (!o.stopOffsets.isEmpty()) {
            b.bounded(partitions(o.topics.get(0), o.stopOffsets));
        } else if (o.bounded) {
            b.bounded();
        }
        String topics = o.topicPattern != null ? "/" + o.topicPattern + "/" : String.join(";", o.topics);
        return env.fromSource(b.build(), WatermarkStrategy.noWatermarks(), connector + "[" + request.table() + ": " + topics + "]");
    }

    static void sink(DataStream<Row> rows, SinkRequest request, String connector, boolean upsert) {
        if (request.options().containsKey("topic-pattern")) {
            throw new IllegalArgumentException("table " + request.table() + " (connector '" + connector + "'): a 'topic-pattern' table"
                    + " cannot be written to; name the one 'topic' to write");
        }
        KafkaTableOptions o = new KafkaTableOptions(request.table(), connector, request.options(), request.physicalType(),
                request.primaryKey(), upsert);
        for (String m : request.metadataKeys()) {
            if (!KafkaMetadata.WRITABLE.contains(m)) {
                throw o.options.error("metadata '" + m + "' cannot be written; declare its column VIRTUAL (writable: timestamp, headers)");
            }
        }
        RowEncoder key = o.keyFormat == null ? null : Formats.encoder(o.options, "key.format", o.keyType(request.physicalType()));
        RowEncoder value = Formats.encoder(o.options, o.valueFormatKey, o.valueType(request.physicalType()));
        KafkaSink.Builder<Row> b = KafkaSink.<Row>builder()
                .setRecordSerializer(new KafkaRowSerializer(o.sinkTopic(), key, value, o.keyFields, o.valueFields,
                        request.physicalType().getFieldCount(), request.metadataKeys(), upsert))
                .setDeliveryGuarantee(o.guarantee);
        for (Map.Entry<String, String> p : o.properties.entrySet()) {
            b.setProperty(p.getKey(), p.getValue());
        }
        if (o.partitionerClass != null) {
            b.setProperty("partitioner.class", o.partitionerClass);
        }
        if (o.transactionalIdPrefix != null) {
            b.setTransactionalIdPrefix(o.transactionalIdPrefix);
        }
        DataStream<Row> out = rows;
        if (upsert) {
            // a key's changes reach one writer in order; the update-before half of an update is not written
            out = rows.keyBy(new io.runnel.sql.exec.GroupKeySelector(o.keyFields))
                    .filter(r -> r.kind() != io.runnel.sql.data.RowKind.UPDATE_BEFORE).name("upsert rows");
        }
        out.sinkTo(b.build()).name(connector + "[" + request.table() + ": " + o.sinkTopic() + "]");
    }

    private static Map<org.apache.kafka.common.TopicPartition, Long> partitions(String topic, Map<Integer, Long> offsets) {
        Map<org.apache.kafka.common.TopicPartition, Long> out = new java.util.HashMap<>();
        offsets.forEach((p, off) -> out.put(new org.apache.kafka.common.TopicPartition(topic, p), off));
        return out;
    }
}
