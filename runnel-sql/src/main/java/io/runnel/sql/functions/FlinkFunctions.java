package io.runnel.sql.functions;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.SqlFunctions;

/**
 * Flink's scalar built-ins Calcite lacks, as static methods Calcite compiles calls to (see {@link FunctionCatalog}).
 * Null arguments give null (Calcite does not call these with nulls). Patterns and formats are compiled once each.
 */
public final class FlinkFunctions {
    private static final Map<String, DateTimeFormatter> FORMATS = new ConcurrentHashMap<>();
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private FlinkFunctions() {}

    /** {@code DATE_FORMAT(ts, 'yyyy-MM-dd HH:mm')}: the timestamp (UTC) in a Java date-time pattern. */
    public static String dateFormat(Timestamp ts, String pattern) {
        long millis = SqlFunctions.toLong(ts); // back to the internal epoch milliseconds, whatever the JVM's zone
        return FORMATS.computeIfAbsent(pattern, DateTimeFormatter::ofPattern)
                .format(Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC));
    }

    /** {@code SPLIT_INDEX(s, sep, i)}: the i-th (from 0) piece of s split at sep; null past the last. */
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
    public static String regexpExtract(String s, String regex, int group) {
        Matcher m = PATTERNS.computeIfAbsent(regex, Pattern::compile).matcher(s);
        if (!m.find() || group < 0 || group > m.groupCount()) {
            return null;
        }
        return m.group(group);
    }

    /** {@code REGEXP_EXTRACT(s, regex)}: the first group. */
    public static String regexpExtract(String s, String regex) {
        return regexpExtract(s, regex, 1);
    }

    /** {@code PROCTIME()}: now, in epoch milliseconds (a TIMESTAMP_LTZ's internal value). */
    public static long proctime() {
        return System.currentTimeMillis();
    }
}
