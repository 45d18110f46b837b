package io.runnel.sql.format;

import io.runnel.sql.connect.ConnectorOptions;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Builds the decoder and encoder a table's format option names ({@code 'format'}, or Kafka's
 * {@code 'value.format'} and {@code 'key.format'}), from the format's own options: {@code json.*}
 * after {@code 'format'}, {@code value.json.*} or {@code json.*} after {@code 'value.format'},
 * {@code key.json.*} after {@code 'key.format'}. Unknown format options and columns a format cannot
 * hold are errors naming the table and option or column.
 */
public final class Formats {
    public static final List<String> NAMES = List.of("json", "csv", "raw", "debezium-json");
    private static final Map<String, Set<String>> OPTIONS = Map.of(
            "json", Set.of("fail-on-missing-field", "ignore-parse-errors", "timestamp-format.standard",
                    "encode.decimal-as-plain-number", "encode.ignore-null-fields", "map-null-key.mode", "map-null-key.literal"),
            "csv", Set.of("field-delimiter", "quote-character", "disable-quote-character", "allow-comments",
                    "ignore-parse-errors", "array-element-delimiter", "escape-character", "null-literal",
                    "write-bigdecimal-in-scientific-notation"),
            "raw", Set.of("charset", "endianness"),
            "debezium-json", Set.of("schema-include", "ignore-parse-errors", "timestamp-format.standard",
                    "encode.decimal-as-plain-number", "encode.ignore-null-fields", "map-null-key.mode", "map-null-key.literal"));

    private Formats() {}

    /** The format {@code formatKey} names, checked; null when the option is absent. */
    public static String name(ConnectorOptions options, String formatKey) {
        String name = options.get(formatKey);
        if (name != null && !NAMES.contains(name)) {
            throw options.error("'" + formatKey + "' = '" + name + "' is not a format (it takes " + String.join(", ", NAMES) + ")");
        }
        return name;
    }

    /** The option prefixes of the format {@code formatKey} names, for {@link ConnectorOptions#checkKnown}. */
    public static String[] optionPrefixes(ConnectorOptions options, String formatKey) {
        String name = name(options, formatKey);
        if (name == null) {
            return new String[0];
        }
        return switch (formatKey) {
            case "key.format" -> new String[] {"key." + name + "."};
            case "value.format" -> new String[] {"value." + name + ".", name + "."};
            default -> new String[] {name + "."};
        };
    }

    public static RowDecoder decoder(ConnectorOptions options, String formatKey, RelDataType rowType) {
        String name = required(options, formatKey);
        Reader r = new Reader(options, formatKey, name);
        FieldType type = FieldType.of(rowType);
        return switch (name) {
            case "json" -> new JsonRowDecoder(type, r.json());
            case "debezium-json" -> new DebeziumJsonDecoder(type, r.json(), r.bool("schema-include", false));
            case "csv" -> new CsvRowDecoder(checkCsv(options, rowType), r.csv());
            case "raw" -> new RawRowDecoder(checkRaw(options, rowType), r.charset());
            default -> throw new IllegalStateException(name);
        };
    }

    public static RowEncoder encoder(ConnectorOptions options, String formatKey, RelDataType rowType) {
        String name = required(options, formatKey);
        Reader r = new Reader(options, formatKey, name);
        FieldType type = FieldType.of(rowType);
        return switch (name) {
            case "json" -> new JsonRowEncoder(type, r.json());
            case "debezium-json" -> {
                if (r.bool("schema-include", false)) {
                    throw options.error("'debezium-json.schema-include' = 'true' is only for reading; a sink writes the payload alone");
                }
                yield new DebeziumJsonEncoder(type, r.json());
            }
            case "csv" -> new CsvRowEncoder(checkCsv(options, rowType), r.csv());
            case "raw" -> {
                checkRaw(options, rowType);
                yield new RawRowEncoder(r.charset());
            }
            default -> throw new IllegalStateException(name);
        };
    }

    /** Whether the format yields updates and deletes (debezium-json), not only inserts. */
    public static boolean producesChanges(String name) {
        return "debezium-json".equals(name);
    }

    private static String required(ConnectorOptions options, String formatKey) {
        String name = name(options, formatKey);
        if (name == null) {
            throw options.error("needs option '" + formatKey + "' (" + String.join(", ", NAMES) + ")");
        }
        return name;
    }

    private static FieldType checkCsv(ConnectorOptions options, RelDataType rowType) {
        for (var f : rowType.getFieldList()) {
            SqlTypeName t = f.getType().getSqlTypeName();
            boolean nested = t == SqlTypeName.ROW || t == SqlTypeName.MAP || t == SqlTypeName.MULTISET
                    || t == SqlTypeName.ARRAY && FieldType.of(f.getType()).children().get(0).isComposite();
            if (nested) {
                throw options.error("column " + f.getName() + " is a " + FieldType.of(f.getType())
                        + ", which format 'csv' cannot hold (use 'json')");
            }
        }
        return FieldType.of(rowType);
    }

    /** True for a bytes column, false for a string one. */
    private static boolean checkRaw(ConnectorOptions options, RelDataType rowType) {
        if (rowType.getFieldCount() != 1) {
            throw options.error("format 'raw' needs exactly one physical column, the table has " + rowType.getFieldCount());
        }
        var f = rowType.getFieldList().get(0);
        return switch (f.getType().getSqlTypeName()) {
            case CHAR, VARCHAR -> false;
            case BINARY, VARBINARY -> true;
            default -> throw options.error("format 'raw' needs a STRING or BYTES column; " + f.getName() + " is a "
                    + FieldType.of(f.getType()));
        };
    }

    /** The options of one format, each looked up under its prefixes and checked. */
    private static final class Reader {
        private final ConnectorOptions options;
        private final String name;
        private final String[] prefixes;

        Reader(ConnectorOptions options, String formatKey, String name) {
            this.options = options;
            this.name = name;
            this.prefixes = optionPrefixes(options, formatKey);
            Set<String> known = OPTIONS.get(name);
            for (String key : new TreeSet<>(options.asMap().keySet())) {
                for (String p : prefixes) {
                    if (key.startsWith(p) && !known.contains(key.substring(p.length()))) {
                        throw options.error("unknown option '" + key + "' of format '" + name + "' (it takes "
                                + String.join(", ", new TreeSet<>(known)) + ")");
                    }
                }
            }
        }

        private String key(String option) {
            for (String p : prefixes) {
                if (options.has(p + option)) {
                    return p + option;
                }
            }
            return prefixes[0] + option;
        }

        String get(String option) {
            return options.get(key(option));
        }

        boolean bool(String option, boolean fallback) {
            return options.getBoolean(key(option), fallback);
        }

        JsonFormatOptions json() {
            boolean failOnMissing = bool("fail-on-missing-field", false);
            boolean ignore = bool("ignore-parse-errors", false);
            if (failOnMissing && ignore) {
                throw options.error("'" + key("fail-on-missing-field") + "' and '" + key("ignore-parse-errors")
                        + "' cannot both be true");
            }
            TimestampStandard ts = TimestampStandard.SQL;
            String standard = get("timestamp-format.standard");
            if (standard != null) {
                try {
                    ts = TimestampStandard.parse(standard);
                } catch (IllegalArgumentException e) {
                    throw options.error("'" + key("timestamp-format.standard") + "': " + e.getMessage());
                }
            }
            return new JsonFormatOptions(failOnMissing, ignore, ts, bool("encode.decimal-as-plain-number", false),
                    bool("encode.ignore-null-fields", false));
        }

        CsvFormatOptions csv() {
            char delimiter = options.getChar(key("field-delimiter"), ',');
            Character quote = bool("disable-quote-character", false) ? null : options.getChar(key("quote-character"), '"');
            String escape = get("escape-character");
            return new CsvFormatOptions(delimiter, quote, bool("allow-comments", false), bool("ignore-parse-errors", false),
                    options.get(key("array-element-delimiter"), ";"),
                    escape == null ? null : options.getChar(key("escape-character"), '\\'), get("null-literal"));
        }

        String charset() {
            String cs = options.get(key("charset"), "UTF-8");
            if (!Charset.isSupported(cs)) {
                throw options.error("'" + key("charset") + "' = '" + cs + "' is not a charset this JVM has");
            }
            String endianness = get("endianness");
            if (endianness != null && !endianness.equalsIgnoreCase("big-endian")) {
                throw options.error("'" + key("endianness") + "' = '" + endianness + "': only big-endian (the default) is supported");
            }
            return cs;
        }
    }
}
