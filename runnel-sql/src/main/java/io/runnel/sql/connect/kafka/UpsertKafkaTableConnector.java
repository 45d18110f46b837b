package io.runnel.sql.connect.kafka;

import io.runnel.api.DataStream;
import io.runnel.api.StreamEnvironment;
import io.runnel.sql.connect.TableConnector;
import io.runnel.sql.data.Row;
import java.util.Map;
import java.util.Set;

/**
 * {@code 'connector' = 'upsert-kafka'}: a topic as a table keyed by its PRIMARY KEY (the record key): a record is the
 * key's row as it now stands, a tombstone deletes it. Read from the earliest offset and normalized into a changelog;
 * written with updates as the new row and deletes as tombstones, each key's changes in order.
 */
public final class UpsertKafkaTableConnector implements TableConnector {
    @Override
    public String identifier() {
        return "upsert-kafka";
    }

    /** Stops at the end offsets there are when the job starts, unless the table says where to stop already. */
    @Override
    public Map<String, String> availableNow(String table, Map<String, String> options) {
        Map<String, String> bounded = new java.util.LinkedHashMap<>(options);
        bounded.putIfAbsent("scan.bounded.mode", "latest-offset");
        return bounded;
    }

    @Override
    public Set<String> options() {
        return KafkaTableOptions.KNOWN;
    }

    @Override
    public Set<String> metadataKeys() {
        return KafkaMetadata.KEYS;
    }

    @Override
    public boolean isSink() {
        return true;
    }

    @Override
    public boolean sourceIsUpsert(Map<String, String> options) {
        return true;
    }

    @Override
    public boolean acceptsChanges(Map<String, String> options) {
        return true;
    }

    @Override
    public DataStream<Row> source(StreamEnvironment env, SourceRequest request) {
        return KafkaTables.source(env, request, identifier(), true);
    }

    @Override
    public void sink(DataStream<Row> rows, SinkRequest request) {
        KafkaTables.sink(rows, request, identifier(), true);
    }
}
