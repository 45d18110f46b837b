package io.runnel.sql.frame;

import io.runnel.sql.connect.TableConnector;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * Spark's source formats and option names as Runnel's table connectors and theirs: {@code kafka} as {@code kafka},
 * {@code json}/{@code csv}/{@code text} as {@code filesystem}, {@code rate} as {@code datagen}, {@code nexmark} as is.
 * Options Spark and Runnel name alike, or only Runnel knows, pass through; the connector rejects unknown ones, naming
 * them. Any other table connector's name works as a format too, with its own options.
 */
final class SourceFormats {
    private SourceFormats() {}

    /** Spark's Kafka source columns, with key and value read as UTF-8 strings (Spark's are binary). */
    static final String KAFKA_COLUMNS = "`key` STRING, `value` STRING, `topic` STRING METADATA VIRTUAL,"
            + " `partition` INT METADATA VIRTUAL, `offset` BIGINT METADATA VIRTUAL, `timestamp` TIMESTAMP_LTZ(3) METADATA VIRTUAL,"
            + " `timestampType` STRING METADATA FROM 'timestamp-type' VIRTUAL";
    static final String RATE_COLUMNS = "`timestamp` TIMESTAMP(3), `value` BIGINT";
    static final String TEXT_COLUMNS = "`value` STRING";

    static SourceDeclaration declare(String format, Map<String, String> given, String schema, String path, boolean streaming) {
        Map<String, String> options = new LinkedHashMap<>(given);
        if (path != null) {
            options.put("path", path);
        }
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "kafka" -> kafka(options, schema, streaming);
            case "json", "csv" -> files(format.toLowerCase(Locale.ROOT), options, required(format, schema));
            case "text" -> files("raw", options, TEXT_COLUMNS);
            case "rate" -> rate(options);
            case "nexmark" -> nexmark(options, schema);
            case "socket" -> socket(options);
            default -> connector(format, options, schema);
        };
    }

    private static String required(String format, String schema) {
        if (schema == null) {
            throw new IllegalArgumentException("format '" + format + "' needs schema(\"a INT, b STRING, ...\"): Runnel does not infer"
                    + " a schema from the data");
        }
        return schema;
    }

    private static SourceDeclaration kafka(Map<String, String> spark, String schema, boolean streaming) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("connector", "kafka");
        // Spark's defaults: a stream starts at the end, a batch read takes what is there
        out.put("scan.startup.mode", streaming ? "latest-offset" : "earliest-offset");
        if (!streaming) {
            out.put("scan.bounded.mode", "latest-offset");
        }
        spark.forEach((k, v) -> {
            switch (k) {
                case "subscribe" -> out.put("topic", v.replace(',', ';'));
                case "subscribePattern", "assign" -> throw new IllegalArgumentException("kafka option '" + k
                        + "' is not supported: name the topics with 'subscribe'");
                case "startingOffsets" -> out.put("scan.startup.mode", offsets(k, v));
                case "endingOffsets" -> out.put("scan.bounded.mode", offsets(k, v));
                // Runnel's reader never skips records, so there is no data loss to fail on
                case "failOnDataLoss" -> { }
                default -> out.put(k.startsWith("kafka.") ? "properties." + k.substring("kafka.".length()) : k, v);
            }
        });
        if (schema == null) {
            out.putIfAbsent("key.format", "raw");
            out.putIfAbsent("key.fields", "key");
            out.putIfAbsent("value.format", "raw");
            out.putIfAbsent("value.fields-include", "EXCEPT_KEY");
            return new SourceDeclaration(KAFKA_COLUMNS, out);
        }
        if (!out.containsKey("format") && !out.containsKey("value.format")) {
            out.put("value.format", "json");
        }
        return new SourceDeclaration(schema, out);
    }

    private static String offsets(String key, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "earliest" -> "earliest-offset";
            case "latest" -> "latest-offset";
            default -> throw new IllegalArgumentException("kafka option '" + key + "' = '" + value + "': only earliest and latest are"
                    + " supported (for offsets per partition use Runnel's scan.startup.* / scan.bounded.* options)");
        };
    }

    private static SourceDeclaration files(String format, Map<String, String> spark, String columns) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("connector", "filesystem");
        out.put("format", format);
        spark.forEach((k, v) -> {
            switch (k) {
                case "sep", "delimiter" -> out.put(format + ".field-delimiter", v);
                case "quote" -> out.put(format + ".quote-character", v);
                case "escape" -> out.put(format + ".escape-character", v);
                case "nullValue" -> out.put(format + ".null-literal", v);
                case "mode" -> {
                    if (v.equalsIgnoreCase("DROPMALFORMED")) {
                        out.put(format + ".ignore-parse-errors", "true");
                    } else if (!v.equalsIgnoreCase("FAILFAST")) {
                        throw new IllegalArgumentException(format + " option 'mode' = '" + v + "': FAILFAST or DROPMALFORMED");
                    }
                }
                case "header" -> {
                    if (Boolean.parseBoolean(v)) {
                        throw new IllegalArgumentException("csv option 'header' = 'true' is not supported: the files must hold"
                                + " data lines only (schema(...) names the columns)");
                    }
                }
                default -> out.put(k, v);
            }
        });
        if (!out.containsKey("path")) {
            throw new IllegalArgumentException("format '" + format + "': give the file or folder as load(path) or option(\"path\", ...)");
        }
        return new SourceDeclaration(columns, out);
    }

    private static SourceDeclaration rate(Map<String, String> spark) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("connector", "datagen");
        out.put("rows-per-second", "1");
        out.put("fields.value.kind", "sequence");
        out.put("fields.value.start", "0");
        out.put("fields.value.end", Long.toString(Long.MAX_VALUE));
        spark.forEach((k, v) -> {
            switch (k) {
                case "rowsPerSecond" -> out.put("rows-per-second", v);
                // a Runnel extension: a bounded rate source, for tests and examples
                case "numRows" -> out.put("number-of-rows", v);
                default -> out.put(k, v);
            }
        });
        return new SourceDeclaration(RATE_COLUMNS, out);
    }

    /** Spark's socket source: host and port, one {@code value} column per line. */
    private static SourceDeclaration socket(Map<String, String> spark) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("connector", "socket");
        out.put("format", "raw");
        spark.forEach((k, v) -> {
            switch (k) {
                case "host" -> out.put("hostname", v);
                case "includeTimestamp" -> throw new IllegalArgumentException("socket option 'includeTimestamp' is not supported;"
                        + " add withColumn(\"timestamp\", current_timestamp()) instead");
                default -> out.put(k, v);
            }
        });
        return new SourceDeclaration(TEXT_COLUMNS, out);
    }

    private static SourceDeclaration nexmark(Map<String, String> options, String schema) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("connector", "nexmark");
        options.forEach((k, v) -> out.put(k.equals("path") ? "table" : k, v));
        return new SourceDeclaration(schema, out);
    }

    private static SourceDeclaration connector(String format, Map<String, String> options, String schema) {
        if (!sourceConnectors().contains(format)) {
            throw new IllegalArgumentException("unknown source format '" + format + "': readStream takes kafka, json, csv, text, nexmark,"
                    + " rate, or the name of a table connector that reads: " + sourceConnectors());
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put("connector", format);
        out.putAll(options);
        return new SourceDeclaration(schema, out);
    }

    static TreeSet<String> sourceConnectors() {
        TreeSet<String> names = new TreeSet<>();
        for (TableConnector c : ServiceLoader.load(TableConnector.class)) {
            if (c.isSource()) {
                names.add(c.identifier());
            }
        }
        return names;
    }

    static TableConnector connector(String identifier) {
        for (TableConnector c : ServiceLoader.load(TableConnector.class)) {
            if (c.identifier().equals(identifier)) {
                return c;
            }
        }
        return null;
    }
}
