package io.runnel.sql.connect.datagen;

import io.runnel.sql.connect.ConnectorOptions;
import io.runnel.sql.format.FieldType;
import java.math.BigDecimal;

/**
 * Sequence columns ({@code 'fields.#.kind' = 'sequence'}): row {@code i} holds {@code start + i}, up
 * to {@code end}; the table ends when its shortest sequence does. Whole-number, real, decimal and
 * string columns (the number as text) can be sequences, as in Flink.
 */
final class SequenceFields {
    private SequenceFields() {}

    static FieldGenerator of(FieldType type, FieldOptions o, ConnectorOptions options) {
        long start = bound(o, "start", o.start(), options);
        long end = bound(o, "end", o.end(), options);
        if (start > end) {
            throw options.error("column " + o.column() + ": 'fields." + o.column() + ".start' = " + start + " is after end = " + end);
        }
        if (o.nullRate() > 0) {
            throw options.error("'fields." + o.column() + ".null-rate' does not apply to a sequence column");
        }
        long rows = end - start + 1 <= 0 ? Long.MAX_VALUE : end - start + 1;
        FieldGenerator values = switch (type.name()) {
            case TINYINT -> fits(type, o, start, end, Byte.MIN_VALUE, Byte.MAX_VALUE, options, (row, now) -> (byte) (start + row));
            case SMALLINT -> fits(type, o, start, end, Short.MIN_VALUE, Short.MAX_VALUE, options, (row, now) -> (short) (start + row));
            case INTEGER -> fits(type, o, start, end, Integer.MIN_VALUE, Integer.MAX_VALUE, options, (row, now) -> (int) (start + row));
            case BIGINT -> (row, now) -> start + row;
            case FLOAT, REAL -> (row, now) -> (float) (start + row);
            case DOUBLE -> (row, now) -> (double) (start + row);
            case DECIMAL -> {
                int scale = type.scale();
                double limit = Math.pow(10, type.precision() - type.scale());
                if (Math.abs((double) start) >= limit || Math.abs((double) end) >= limit) {
                    throw options.error("column " + o.column() + ": sequence " + start + ".." + end + " does not fit " + type);
                }
                yield (row, now) -> BigDecimal.valueOf(start + row).setScale(scale);
            }
            case CHAR, VARCHAR -> {
                int declared = type.precision() > 0 && type.precision() < Integer.MAX_VALUE / 2 ? type.precision() : Integer.MAX_VALUE;
                int widest = Math.max(Long.toString(start).length(), Long.toString(end).length());
                if (widest > declared) {
                    throw options.error("column " + o.column() + ": sequence " + start + ".." + end + " does not fit " + type);
                }
                yield (row, now) -> Long.toString(start + row);
            }
            default -> throw options.error("column " + o.column() + ": a sequence cannot be of type " + type
                    + " (whole numbers, FLOAT, DOUBLE, DECIMAL and strings can)");
        };
        return new Limited(values, rows);
    }

    /** A sequence's values and how many there are. */
    private record Limited(FieldGenerator values, long rows) implements FieldGenerator {
        @Override
        public Object value(long row, long nowMillis) {
            return values.value(row, nowMillis);
        }
    }

    private static FieldGenerator fits(FieldType type, FieldOptions o, long start, long end, long min, long max,
                                       ConnectorOptions options, FieldGenerator g) {
        if (start < min || end > max) {
            throw options.error("column " + o.column() + ": sequence " + start + ".." + end + " does not fit " + type);
        }
        return g;
    }

    private static long bound(FieldOptions o, String which, String text, ConnectorOptions options) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw options.error("'fields." + o.column() + "." + which + "' = '" + text + "' is not a whole number");
        }
    }
}
