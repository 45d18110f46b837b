package io.runnel.sql.connect;

import io.runnel.api.DataStream;
import io.runnel.api.StreamEnvironment;
import io.runnel.sql.catalog.ColumnDef;
import io.runnel.sql.data.Row;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;

/**
 * A {@code 'connector' = '...'} of the {@code WITH} clause: reads a table's rows as a stream and
 * writes a query's rows out. Found by {@link #identifier()} through {@link java.util.ServiceLoader}.
 * A connector validates its own options and names the option and table in its errors.
 */
public interface TableConnector {
    /** The value of {@code 'connector'} this implements: "nexmark", "kafka", "filesystem", ... */
    String identifier();

    /** The options it knows besides {@code connector}; any other option is an error naming it. */
    Set<String> options();

    /** The columns of a table declared without any (Nexmark's tables); null when the DDL must list them. */
    default List<ColumnDef> defaultColumns(String table, Map<String, String> options) {
        return null;
    }

    /** The watermark of a table declared without columns (Nexmark's {@code dateTime}); null for none. */
    default io.runnel.sql.catalog.WatermarkDef defaultWatermark(String table, Map<String, String> options) {
        return null;
    }

    /** The keys its metadata columns may name ({@code timestamp}, {@code partition}, ... for Kafka); none by default. */
    default Set<String> metadataKeys() {
        return Set.of();
    }

    /** Whether it can be read from. */
    default boolean isSource() {
        return true;
    }

    /** Whether it can be written to. */
    default boolean isSink() {
        return false;
    }

    /**
     * Whether its source yields updates and deletes (a changelog: debezium-json, upsert-kafka) rather than inserts only.
     * A changelog source must emit retractions (every update as an update-before of the old row and an update-after of
     * the new one, deletes of the whole old row), as every updating operator does.
     */
    default boolean sourceProducesChanges(Map<String, String> options) {
        return false;
    }

    /**
     * Whether its source yields upserts (upsert-kafka): each row the new version of its primary key's row, deletes
     * carrying only the key. The planner normalizes them into retractions, keeping each key's last row (Flink's
     * ChangelogNormalize).
     */
    default boolean sourceIsUpsert(Map<String, String> options) {
        return false;
    }

    /** Whether its sink takes update and delete rows; one that does not makes the planner reject updating queries. */
    default boolean acceptsChanges(Map<String, String> options) {
        return false;
    }

    /**
     * The table's rows: the physical columns ({@code physicalType}, in DDL order) followed by the
     * requested metadata columns ({@code metadataKeys}, in that order). Timestamps and watermarks
     * are assigned by the planner afterwards from the table's WATERMARK clause.
     */
    DataStream<Row> source(StreamEnvironment env, SourceRequest request);

    /**
     * The table for a lookup join ({@code JOIN t FOR SYSTEM_TIME AS OF a processing-time attribute}), or null when
     * this connector cannot be looked up.
     */
    default LookupSource lookupSource(SourceRequest request) {
        return null;
    }

    /**
     * The options that make table {@code table} end at the data there is now (Structured Streaming's availableNow
     * and once triggers); a connector that cannot says why.
     */
    default Map<String, String> availableNow(String table, Map<String, String> options) {
        throw new IllegalArgumentException("table " + table + ": connector '" + identifier() + "' cannot stop at the data there is now,"
                + " which the availableNow and once triggers need");
    }

    /** Writes {@code rows} (the sink table's physical columns) to the table. */
    default void sink(DataStream<Row> rows, SinkRequest request) {
        throw new UnsupportedOperationException("connector '" + identifier() + "' cannot be written to (table " + request.table() + ")");
    }

    /** What a source is asked for; {@code primaryKey} indexes the physical columns (empty: none declared). */
    record SourceRequest(String table, RelDataType physicalType, List<String> metadataKeys, int[] primaryKey,
                         Map<String, String> options, int parallelism) {}

    /**
     * What a sink is asked for: rows of the physical columns ({@code physicalType}) followed by the written metadata
     * columns ({@code metadataKeys}, in that order); {@code primaryKey} indexes the physical columns (empty: none).
     */
    record SinkRequest(String table, RelDataType physicalType, List<String> metadataKeys, int[] primaryKey,
                       Map<String, String> options, boolean changelog) {}
}
