package io.runnel.sql.connect.kafka;

import io.runnel.api.DataStream;
import io.runnel.api.StreamEnvironment;
import io.runnel.sql.connect.TableConnector;
import io.runnel.sql.data.Row;
import io.runnel.sql.format.Formats;
import java.util.Map;
import java.util.Set;

/**
 * {@code 'connector' = 'kafka'}: a topic as an append-only table (or a changelog with {@code debezium-json}), read
 * from the start, the end or the group's committed offsets, optionally bounded; written at least once or exactly
 * once. Options in {@link KafkaTableOptions}; metadata columns in {@link KafkaMetadata}.
 */
public final class KafkaTableConnector implements TableConnector {
    @Override
    public String identifier() {
        return "kafka";
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

    private static String valueFormat(Map<String, String> options) {
        return options.getOrDefault("value.format", options.get("format"));
    }

    @Override
    public boolean sourceProducesChanges(Map<String, String> options) {
        return Formats.producesChanges(valueFormat(options));
    }

    @Override
    public boolean acceptsChanges(Map<String, String> options) {
        return Formats.producesChanges(valueFormat(options));
    }

    @Override
    public DataStream<Row> source(StreamEnvironment env, SourceRequest request) {
        return KafkaTables.source(env, request, identifier(), false);
    }

    @Override
    public void sink(DataStream<Row> rows, SinkRequest request) {
        KafkaTables.sink(rows, request, identifier(), false);
    }
}
