package io.runnel.sql.connect.datagen;

import io.runnel.api.DataStream;
import io.runnel.api.StreamEnvironment;
import io.runnel.api.time.WatermarkStrategy;
import io.runnel.sql.connect.ConnectorOptions;
import io.runnel.sql.connect.TableConnector;
import io.runnel.sql.data.Row;
import io.runnel.sql.format.FieldType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code 'connector' = 'datagen'} with Flink's options: {@code rows-per-second} (default 10000, 0
 * for no limit), {@code number-of-rows} (default endless) and per column {@code fields.<col>.kind}
 * ({@code random} or {@code sequence}), {@code min}, {@code max}, {@code max-past}, {@code length},
 * {@code var-len}, {@code start}, {@code end}, {@code null-rate}. The table ends after
 * {@code number-of-rows} or when its shortest sequence ends, whichever comes first.
 */
public final class DataGenTableConnector implements TableConnector {
    static final String ROWS_PER_SECOND = "rows-per-second";
    static final String NUMBER_OF_ROWS = "number-of-rows";
    private static final long DEFAULT_RATE = 10_000;

    @Override
    public String identifier() {
        return "datagen";
    }

    /** Only a table that ends (a row count, or a sequence column) has a "now" to stop at. */
    @Override
    public Map<String, String> availableNow(String table, Map<String, String> options) {
        boolean ends = options.containsKey(NUMBER_OF_ROWS) || options.entrySet().stream()
                .anyMatch(e -> e.getKey().endsWith(".kind") && e.getValue().equalsIgnoreCase("sequence"));
        if (!ends) {
            throw new IllegalArgumentException("table " + table + ": a datagen table without '" + NUMBER_OF_ROWS + "' or a sequence"
                    + " column never ends, so the availableNow and once triggers cannot stop; give it '" + NUMBER_OF_ROWS + "'");
        }
        return options;
    }

    @Override
    public Set<String> options() {
        return Set.of(ROWS_PER_SECOND, NUMBER_OF_ROWS);
    }

    @Override
    public DataStream<Row> source(StreamEnvironment env, SourceRequest request) {
        ConnectorOptions options = new ConnectorOptions(request.table(), identifier(), request.options())
                .checkKnown(options(), "fields.");
        List<String> columns = request.physicalType().getFieldNames();
        List<FieldType> types = FieldType.columns(request.physicalType());
        checkFieldOptions(options, columns);
        long rate = options.getLong(ROWS_PER_SECOND, DEFAULT_RATE);
        if (rate < 0) {
            throw options.error("'" + ROWS_PER_SECOND + "' = '" + options.get(ROWS_PER_SECOND) + "' must not be negative (0: no limit)");
        }
        long rows = options.getLong(NUMBER_OF_ROWS, Long.MAX_VALUE);
        if (rows < 0) {
            throw options.error("'" + NUMBER_OF_ROWS + "' = '" + options.get(NUMBER_OF_ROWS) + "' must not be negative");
        }
        FieldGenerator[] fields = new FieldGenerator[columns.size()];
        for (int i = 0; i < fields.length; i++) {
            FieldOptions o = FieldOptions.read(options, columns.get(i));
            fields[i] = o.sequence() ? SequenceFields.of(types.get(i), o, options)
                    : RandomFields.of(types.get(i), o, Mix.salt(request.table().hashCode(), i), options);
            rows = Math.min(rows, fields[i].rows());
        }
        if (!request.metadataKeys().isEmpty()) {
            throw options.error("datagen tables have no metadata columns");
        }
        return env.fromSource(new DataGenSource(fields, rows, rate), WatermarkStrategy.noWatermarks(), "datagen[" + request.table() + "]");
    }

    /** Each {@code fields.<col>.<option>} names a physical column and an option datagen knows. */
    private static void checkFieldOptions(ConnectorOptions options, List<String> columns) {
        for (String key : new TreeSet<>(options.asMap().keySet())) {
            if (!key.startsWith("fields.")) {
                continue;
            }
            int dot = key.lastIndexOf('.');
            String column = dot > "fields.".length() ? key.substring("fields.".length(), dot) : "";
            String option = key.substring(dot + 1);
            if (!columns.contains(column)) {
                throw options.error("'" + key + "' names no physical column (the table has " + columns + ")");
            }
            if (!FieldOptions.ALL.contains(option)) {
                throw options.error("unknown option '" + key + "' (a column takes " + new TreeSet<>(FieldOptions.ALL) + ")");
            }
        }
    }
}
