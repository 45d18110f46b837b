package io.runnel.sql.format;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * {@code json.timestamp-format.standard}: how TIMESTAMP text is written, {@code SQL}
 * ({@code 2026-12-05 10:15:30.123}) or {@code ISO-8601} ({@code 2026-12-05T10:15:30.123}); a
 * TIMESTAMP_LTZ ends in {@code Z}. Reading takes either form, with or without the {@code Z}.
 */
public enum TimestampStandard {
    SQL(' '), ISO_8601('T');

    private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':').appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd().optionalEnd()
            .optionalStart().appendLiteral('Z').optionalEnd()
            .toFormatter(Locale.ROOT);

    private final DateTimeFormatter write;

    TimestampStandard(char separator) {
        this.write = new DateTimeFormatterBuilder().append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(separator)
                .append(DateTimeFormatter.ISO_LOCAL_TIME).toFormatter(Locale.ROOT);
    }

    /** The option's value: {@code SQL} or {@code ISO-8601}. */
    public static TimestampStandard parse(String value) {
        return switch (value.trim().toUpperCase(Locale.ROOT)) {
            case "SQL" -> SQL;
            case "ISO-8601", "ISO_8601" -> ISO_8601;
            default -> throw new IllegalArgumentException("'" + value + "' is not a timestamp standard (SQL or ISO-8601)");
        };
    }

    /** Epoch milliseconds (UTC) of the text, in either standard. */
    public static long readMillis(String text) {
        try {
            return LocalDateTime.parse(text.trim(), READ).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new FormatException("'" + text + "' is not a timestamp (yyyy-MM-dd HH:mm:ss[.SSS])");
        }
    }

    public String write(long epochMillis, boolean localTimeZone) {
        String s = write.format(LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000L),
                (int) Math.floorMod(epochMillis, 1000L) * 1_000_000, ZoneOffset.UTC));
        return localTimeZone ? s + "Z" : s;
    }
}
