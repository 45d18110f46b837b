package io.runnel.sql.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A SQL value read from and written as JSON, as Flink's json format does: numbers and booleans as
 * JSON literals (a number in a string is taken too), DECIMAL as a number, dates, times and
 * timestamps as text in the table's timestamp standard, bytes as base64, ROW as an object,
 * ARRAY and MULTISET as an array, MAP as an object; a string column given any other JSON value
 * holds its JSON text.
 */
final class JsonValues {
    private JsonValues() {}

    /** The value of {@code node} (not null, not JSON null) as {@code type}; {@code path} names it in errors. */
    static Object read(FieldType type, JsonNode node, String path, boolean failOnMissing) {
        try {
            return switch (type.name()) {
                case BOOLEAN -> node.isBoolean() ? node.booleanValue() : TextValues.parse(type, text(node, type));
                case TINYINT -> node.canConvertToInt() && node.isIntegralNumber() ? (byte) checkedInt(node, Byte.MIN_VALUE, Byte.MAX_VALUE, type)
                        : TextValues.parse(type, text(node, type));
                case SMALLINT -> node.canConvertToInt() && node.isIntegralNumber() ? (short) checkedInt(node, Short.MIN_VALUE, Short.MAX_VALUE, type)
                        : TextValues.parse(type, text(node, type));
                case INTEGER -> node.isIntegralNumber() && node.canConvertToInt() ? node.intValue() : TextValues.parse(type, text(node, type));
                case BIGINT -> node.isIntegralNumber() && node.canConvertToLong() ? node.longValue() : TextValues.parse(type, text(node, type));
                case FLOAT, REAL -> node.isNumber() ? node.floatValue() : TextValues.parse(type, text(node, type));
                case DOUBLE -> node.isNumber() ? node.doubleValue() : TextValues.parse(type, text(node, type));
                case DECIMAL -> node.isNumber() ? TextValues.decimal(type, node.decimalValue()) : TextValues.parse(type, text(node, type));
                case CHAR, VARCHAR -> node.isTextual() ? node.textValue() : node.toString();
                case ROW -> readRow(type, node, path, failOnMissing);
                case ARRAY, MULTISET -> readArray(type, node, path, failOnMissing);
                case MAP -> readMap(type, node, path, failOnMissing);
                default -> TextValues.parse(type, text(node, type));
            };
        } catch (FormatException e) {
            throw e.getMessage().startsWith("field '") ? e : new FormatException("field '" + path + "': " + e.getMessage());
        }
    }

    /** The fields of a ROW from an object; a missing or null member is SQL NULL, or an error when {@code failOnMissing}. */
    static Object[] readRow(FieldType type, JsonNode node, String path, boolean failOnMissing) {
        if (!node.isObject()) {
            throw new FormatException((path.isEmpty() ? "the message" : "field '" + path + "'") + " is not a JSON object: "
                    + snippet(node));
        }
        Object[] fields = new Object[type.names().size()];
        for (int i = 0; i < fields.length; i++) {
            String name = type.names().get(i);
            String at = path.isEmpty() ? name : path + "." + name;
            JsonNode v = node.get(name);
            if (v == null) {
                if (failOnMissing) {
                    throw new FormatException("field '" + at + "' is missing");
                }
            } else if (!v.isNull()) {
                fields[i] = read(type.children().get(i), v, at, failOnMissing);
            }
        }
        return fields;
    }

    private static List<Object> readArray(FieldType type, JsonNode node, String path, boolean failOnMissing) {
        if (!node.isArray()) {
            throw new FormatException("field '" + path + "' is not a JSON array: " + snippet(node));
        }
        List<Object> out = new ArrayList<>(node.size());
        int i = 0;
        for (JsonNode e : node) {
            out.add(e.isNull() ? null : read(type.children().get(0), e, path + "[" + i + "]", failOnMissing));
            i++;
        }
        return out;
    }

    private static Map<Object, Object> readMap(FieldType type, JsonNode node, String path, boolean failOnMissing) {
        if (!node.isObject()) {
            throw new FormatException("field '" + path + "' is not a JSON object: " + snippet(node));
        }
        Map<Object, Object> out = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Object key = TextValues.parse(type.children().get(0), e.getKey());
            JsonNode v = e.getValue();
            out.put(key, v.isNull() ? null : read(type.children().get(1), v, path + "." + e.getKey(), failOnMissing));
        }
        return out;
    }

    private static int checkedInt(JsonNode node, int min, int max, FieldType type) {
        int v = node.intValue();
        if (v < min || v > max) {
            throw new FormatException(v + " is out of range for a " + type);
        }
        return v;
    }

    private static String text(JsonNode node, FieldType type) {
        if (node.isValueNode()) {
            return node.asText();
        }
        throw new FormatException("a " + type + " cannot be read from " + snippet(node));
    }

    private static String snippet(JsonNode node) {
        String s = node.toString();
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }

    /** Writes {@code value} (possibly null) as {@code type}. */
    static void write(JsonGenerator g, FieldType type, Object value, JsonFormatOptions options) throws IOException {
        if (value == null) {
            g.writeNull();
            return;
        }
        switch (type.name()) {
            case BOOLEAN -> g.writeBoolean((Boolean) value);
            case TINYINT, SMALLINT, INTEGER -> g.writeNumber(((Number) value).intValue());
            case BIGINT -> g.writeNumber(((Number) value).longValue());
            case FLOAT, REAL -> g.writeNumber(((Number) value).floatValue());
            case DOUBLE -> g.writeNumber(((Number) value).doubleValue());
            case DECIMAL -> {
                BigDecimal d = (BigDecimal) value;
                if (options.decimalAsPlainNumber()) {
                    g.writeNumber(d.toPlainString());
                } else {
                    g.writeNumber(d);
                }
            }
            case CHAR, VARCHAR -> g.writeString(value.toString());
            case BINARY, VARBINARY -> g.writeBinary((byte[]) value);
            case ROW -> writeRow(g, type, (Object[]) value, options);
            case ARRAY, MULTISET -> {
                g.writeStartArray();
                for (Object e : (Iterable<?>) value) {
                    write(g, type.children().get(0), e, options);
                }
                g.writeEndArray();
            }
            case MAP -> {
                g.writeStartObject();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                    g.writeFieldName(e.getKey() == null ? "null" : TextValues.format(type.children().get(0), e.getKey(), options.timestamps()));
                    write(g, type.children().get(1), e.getValue(), options);
                }
                g.writeEndObject();
            }
            default -> g.writeString(TextValues.format(type, value, options.timestamps()));
        }
    }

    /** Writes a ROW as an object of its fields; null fields are left out when the options say so. */
    static void writeRow(JsonGenerator g, FieldType type, Object[] fields, JsonFormatOptions options) throws IOException {
        g.writeStartObject();
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] == null && options.ignoreNullFields()) {
                continue;
            }
            g.writeFieldName(type.names().get(i));
            write(g, type.children().get(i), fields[i], options);
        }
        g.writeEndObject();
    }
}
