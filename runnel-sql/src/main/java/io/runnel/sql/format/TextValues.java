package io.runnel.sql.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;

/**
 * A scalar SQL value as text and back, in the internal representation of {@link io.runnel.sql.data.Row}:
 * what CSV fields hold, and what JSON holds for the types JSON has no literal for (dates, times,
 * timestamps, bytes as base64).
 */
public final class TextValues {
    private TextValues() {}

    /** The value of {@code text} as {@code type}; a FormatException says why it is not one. */
    public static Object parse(FieldType type, String text) {
        try {
            return switch (type.name()) {
                case BOOLEAN -> parseBoolean(text);
                case TINYINT -> Byte.parseByte(text.trim());
                case SMALLINT -> Short.parseShort(text.trim());
                case INTEGER -> Integer.parseInt(text.trim());
                case BIGINT -> Long.parseLong(text.trim());
                case FLOAT, REAL -> Float.parseFloat(text.trim());
                case DOUBLE -> Double.parseDouble(text.trim());
                case DECIMAL -> decimal(type, new BigDecimal(text.trim()));
                case CHAR, VARCHAR -> text;
                case BINARY, VARBINARY -> Base64.getDecoder().decode(text.trim());
                case DATE -> (int) LocalDate.parse(text.trim()).toEpochDay();
                case TIME -> (int) (LocalTime.parse(text.trim()).toNanoOfDay() / 1_000_000L);
                case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> TimestampStandard.readMillis(text);
                default -> throw new FormatException("a " + type + " cannot be read from text");
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new FormatException("'" + text + "' is not a " + type);
        } catch (IllegalArgumentException e) { // base64
            throw new FormatException("'" + text + "' is not base64 for a " + type);
        }
    }

    /** {@code value} (non-null) as text. */
    public static String format(FieldType type, Object value, TimestampStandard standard) {
        return switch (type.name()) {
            case DECIMAL -> ((BigDecimal) value).toPlainString();
            case BINARY, VARBINARY -> Base64.getEncoder().encodeToString((byte[]) value);
            case DATE -> LocalDate.ofEpochDay(((Number) value).longValue()).toString();
            case TIME -> LocalTime.ofNanoOfDay(((Number) value).longValue() * 1_000_000L).toString();
            case TIMESTAMP -> standard.write(((Number) value).longValue(), false);
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> standard.write(((Number) value).longValue(), true);
            default -> value instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : value.toString();
        };
    }

    /** As a SQL CAST to DECIMAL(p, s): rounded to the scale, null (as Flink) when it does not fit the precision. */
    static BigDecimal decimal(FieldType type, BigDecimal v) {
        BigDecimal scaled = v.setScale(type.scale(), RoundingMode.HALF_UP);
        return scaled.precision() > type.precision() ? null : scaled;
    }

    private static Boolean parseBoolean(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new FormatException("'" + text + "' is not a BOOLEAN (true or false)");
        };
    }
}
