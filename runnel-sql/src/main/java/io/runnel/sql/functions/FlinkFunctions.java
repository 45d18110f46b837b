package io.runnel.sql.functions;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.linq4j.function.Strict;
import org.apache.calcite.runtime.SqlFunctions;

/**
 * Flink's scalar built-ins Calcite lacks, as static methods Calcite compiles calls to (see {@link FunctionCatalog}).
 * Null arguments give null ({@link Strict}: Calcite does not call them then). Patterns and formats are compiled once each.
 */
public final class FlinkFunctions {
    private static final Map<String, DateTimeFormatter> FORMATS = new ConcurrentHashMap<>();
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
    /** Flink's default timestamp format for strings. */
    private static final String DEFAULT_TIMESTAMP = "yyyy-MM-dd HH:mm:ss";

    /** Patterns cached at most: they are a query's constants, but one could be a column's values. */
    private static final int CACHED = 256;
    /** Flink's default for timestamp strings, fractional seconds optional. */
    private static final DateTimeFormatter DEFAULT_FORMAT = new java.time.format.DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .toFormatter();

    private FlinkFunctions() {}

    private static DateTimeFormatter formatter(String pattern) {
        DateTimeFormatter f = FORMATS.get(pattern);
        if (f == null) {
            f = DateTimeFormatter.ofPattern(pattern);
            if (FORMATS.size() < CACHED) {
                FORMATS.put(pattern, f);
            }
        }
        return f;
    }

    private static Pattern pattern(String regex) {
        Pattern p = PATTERNS.get(regex);
        if (p == null) {
            p = Pattern.compile(regex);
            if (PATTERNS.size() < CACHED) {
                PATTERNS.put(regex, p);
            }
        }
        return p;
    }

    /** {@code DATE_FORMAT(ts, 'yyyy-MM-dd HH:mm')}: the timestamp (UTC) in a Java date-time pattern. */
    @Strict
    public static String dateFormat(Timestamp ts, String pattern) {
        long millis = SqlFunctions.toLong(ts); // back to the internal epoch milliseconds, whatever the JVM's zone
        return formatter(pattern)
                .format(Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC));
    }

    /** {@code SPLIT_INDEX(s, sep, i)}: the i-th (from 0) piece of s split at sep; null past the last. */
    @Strict
    public static String splitIndex(String s, String separator, int index) {
        if (index < 0 || separator.isEmpty()) {
            return null;
        }
        int start = 0;
        for (int i = 0; i < index; i++) {
            int at = s.indexOf(separator, start);
            if (at < 0) {
                return null;
            }
            start = at + separator.length();
        }
        int end = s.indexOf(separator, start);
        return end < 0 ? s.substring(start) : s.substring(start, end);
    }

    /** {@code REGEXP_EXTRACT(s, regex, group)}: the group of the first match; null when nothing matches. */
    @Strict
    public static String regexpExtract(String s, String regex, int group) {
        Matcher m = pattern(regex).matcher(s);
        if (!m.find() || group < 0 || group > m.groupCount()) {
            return null;
        }
        return m.group(group);
    }

    /** {@code REGEXP_EXTRACT(s, regex)}: the first group. */
    @Strict
    public static String regexpExtract(String s, String regex) {
        return regexpExtract(s, regex, 1);
    }

    /** {@code DATE_FORMAT('2026-01-01 10:00:00', pattern)}: a timestamp string ({@code yyyy-MM-dd HH:mm:ss}) reformatted. */
    @Strict
    public static String dateFormat(String ts, String pattern) {
        Long millis = parseMillis(ts, DEFAULT_TIMESTAMP);
        return millis == null || pattern == null ? null : formatter(pattern)
                .format(Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC));
    }

    /**
     * {@code TO_TIMESTAMP_LTZ(n, precision)}: epoch seconds (precision 0) or milliseconds (3) as a TIMESTAMP_LTZ, in
     * its internal epoch milliseconds.
     */
    @Strict
    public static Long toTimestampLtz(long value, int precision) {
        return switch (precision) {
            case 0 -> value * 1000;
            case 3 -> value;
            default -> throw new IllegalArgumentException("TO_TIMESTAMP_LTZ precision must be 0 or 3, got " + precision);
        };
    }

    /** {@code TO_TIMESTAMP('2026-01-01 10:00:00')}: the string as a TIMESTAMP(3) (UTC); null when it does not parse. */
    @Strict
    public static Long toTimestamp(String s) {
        return parseMillis(s, DEFAULT_TIMESTAMP);
    }

    /** {@code TO_TIMESTAMP(s, pattern)}: the string in a Java date-time pattern as a TIMESTAMP(3). */
    @Strict
    public static Long toTimestamp(String s, String pattern) {
        return parseMillis(s, pattern);
    }

    /** {@code TO_DATE('2026-01-01')}: the string as a DATE (days since the epoch); null when it does not parse. */
    @Strict
    public static Integer toDate(String s) {
        return toDate(s, "yyyy-MM-dd");
    }

    /** {@code TO_DATE(s, pattern)}: the string in a Java date pattern as a DATE. */
    @Strict
    public static Integer toDate(String s, String pattern) {
        if (s == null || pattern == null) {
            return null;
        }
        try {
            return (int) java.time.LocalDate.parse(s, formatter(pattern)).toEpochDay();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** {@code UNIX_TIMESTAMP()}: now, in epoch seconds. */
    public static long unixTimestamp() {
        return System.currentTimeMillis() / 1000;
    }

    /** {@code UNIX_TIMESTAMP('2026-01-01 10:00:00')}: the string's epoch seconds (UTC); null when it does not parse. */
    @Strict
    public static Long unixTimestamp(String s) {
        return unixTimestamp(s, DEFAULT_TIMESTAMP);
    }

    /** {@code UNIX_TIMESTAMP(s, pattern)}: the string in a Java date-time pattern as epoch seconds. */
    @Strict
    public static Long unixTimestamp(String s, String pattern) {
        Long millis = parseMillis(s, pattern);
        return millis == null ? null : Math.floorDiv(millis, 1000);
    }

    /** {@code FROM_UNIXTIME(seconds)}: as {@code yyyy-MM-dd HH:mm:ss} (UTC). */
    @Strict
    public static String fromUnixtime(long seconds) {
        return fromUnixtime(seconds, DEFAULT_TIMESTAMP);
    }

    /** {@code FROM_UNIXTIME(seconds, pattern)}: in a Java date-time pattern (UTC). */
    @Strict
    public static String fromUnixtime(long seconds, String pattern) {
        return pattern == null ? null : formatter(pattern)
                .format(Instant.ofEpochSecond(seconds).atOffset(ZoneOffset.UTC));
    }

    /** {@code NOW()}: as {@code CURRENT_TIMESTAMP}, read per row (a TIMESTAMP_LTZ's epoch milliseconds). */
    public static long now() {
        return System.currentTimeMillis();
    }

    /**
     * Epoch milliseconds (UTC) of a date-time string in {@code pattern}, a date alone meaning its midnight; null when it
     * does not parse (as Flink, a bad value gives null rather than failing the job).
     */
    private static Long parseMillis(String s, String pattern) {
        if (s == null || pattern == null) {
            return null;
        }
        try {
            DateTimeFormatter parser = pattern.equals(DEFAULT_TIMESTAMP) ? DEFAULT_FORMAT : formatter(pattern);
            java.time.temporal.TemporalAccessor t = parser.parse(s.trim());
            java.time.LocalDate date = java.time.LocalDate.from(t);
            java.time.LocalTime time = t.isSupported(java.time.temporal.ChronoField.HOUR_OF_DAY)
                    ? java.time.LocalTime.from(t) : java.time.LocalTime.MIDNIGHT;
            return date.atTime(time).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** {@code PROCTIME()}: now, in epoch milliseconds (a TIMESTAMP_LTZ's internal value). */
    public static long proctime() {
        return System.currentTimeMillis();
    }
}
