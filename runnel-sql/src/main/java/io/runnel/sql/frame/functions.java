package io.runnel.sql.frame;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Spark's {@code functions}: columns, literals, aggregates and grouping windows, each rendered in Flink's SQL dialect.
 * Aggregates are named as Spark names them ({@code count(id)}, {@code sum(amount)}; {@code count("*")} is {@code count(1)}).
 */
@SuppressWarnings({"checkstyle:TypeName", "checkstyle:MethodName"})
public final class functions {
    private functions() {}

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    /** A column by name; {@code "a.b"} is column {@code b} of the frame (or join side) named {@code a}, {@code "*"} all. */
    public static Column col(String name) {
        if (name.equals("*") || name.endsWith(".*")) {
            return Column.expression(Names.qualified(name));
        }
        return new Column(Names.qualified(name), Names.last(name), Names.last(name), null);
    }

    public static Column column(String name) {
        return col(name);
    }

    /** An expression of Flink's SQL, as written ({@code "amount * 2"}, {@code "INTERVAL '5' SECOND"}). */
    public static Column expr(String sql) {
        return Column.expression(sql);
    }

    /**
     * A literal: strings, numbers ({@code Long} as {@code BIGINT}, {@code Double} as {@code DOUBLE}), booleans, null, a
     * {@link Duration} as an interval, an {@link Instant} or {@link LocalDateTime} as a {@code TIMESTAMP} (UTC).
     */
    public static Column lit(Object value) {
        if (value instanceof Column c) {
            return c;
        }
        return Column.expression(literal(value));
    }

    private static String literal(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof String s) {
            return Names.string(s);
        }
        if (v instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (v instanceof Long l) {
            return "CAST(" + l + " AS BIGINT)";
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte || v instanceof BigDecimal) {
            return v.toString();
        }
        if (v instanceof Double || v instanceof Float) {
            String s = Double.toString(((Number) v).doubleValue());
            return s.contains("E") ? s : s + "E0";
        }
        if (v instanceof Duration d) {
            return SqlIntervals.literal(d);
        }
        if (v instanceof Instant i) {
            return "TIMESTAMP '" + TIMESTAMP.format(LocalDateTime.ofInstant(i, ZoneOffset.UTC)) + "'";
        }
        if (v instanceof LocalDateTime t) {
            return "TIMESTAMP '" + TIMESTAMP.format(t) + "'";
        }
        throw new IllegalArgumentException("lit: no SQL literal for a " + v.getClass().getName() + " (" + v + ")");
    }

    /** A Spark interval string ({@code "5 seconds"}) as a SQL interval, for time bounds in join conditions. */
    public static Column interval(String duration) {
        return Column.expression(SqlIntervals.literal("interval", duration));
    }

    private static Column aggregate(String fn, String sparkName, Column arg) {
        arg.checkNotWindow(sparkName);
        return Column.named(fn + "(" + arg.sql + ")", sparkName + "(" + display(arg) + ")");
    }

    private static String display(Column c) {
        return c.name != null ? c.name : c.sql;
    }

    public static Column count(Column c) {
        return c.sql.equals("*") ? Column.named("COUNT(*)", "count(1)") : aggregate("COUNT", "count", c);
    }

    /** {@code count("*")} counts rows; {@code count("x")} the rows whose {@code x} is not null. */
    public static Column count(String column) {
        return count(col(column));
    }

    public static Column sum(Column c) {
        return aggregate("SUM", "sum", c);
    }

    public static Column sum(String column) {
        return sum(col(column));
    }

    public static Column avg(Column c) {
        return aggregate("AVG", "avg", c);
    }

    public static Column avg(String column) {
        return avg(col(column));
    }

    public static Column min(Column c) {
        return aggregate("MIN", "min", c);
    }

    public static Column min(String column) {
        return min(col(column));
    }

    public static Column max(Column c) {
        return aggregate("MAX", "max", c);
    }

    public static Column max(String column) {
        return max(col(column));
    }

    public static Column countDistinct(Column c) {
        c.checkNotWindow("countDistinct");
        return Column.named("COUNT(DISTINCT " + c.sql + ")", "count(DISTINCT " + display(c) + ")");
    }

    public static Column countDistinct(String column) {
        return countDistinct(col(column));
    }

    /** An HLL estimate of the distinct count (the planner's {@code APPROX_COUNT_DISTINCT}; insert-only input). */
    public static Column approx_count_distinct(Column c) {
        return aggregate("APPROX_COUNT_DISTINCT", "approx_count_distinct", c);
    }

    public static Column approx_count_distinct(String column) {
        return approx_count_distinct(col(column));
    }

    public static Column current_timestamp() {
        return Column.named("CURRENT_TIMESTAMP", "current_timestamp()");
    }

    /** A tumbling window of {@code duration} over event-time column {@code time}: {@code TUMBLE}. */
    public static Column window(Column time, String duration) {
        return windowColumn(new WindowSpec(WindowSpec.Kind.TUMBLE, timeName("window", time),
                SqlIntervals.literal("window", duration), null, null));
    }

    /** A sliding window of {@code duration} every {@code slide}: {@code HOP}; equal durations are a tumbling window. */
    public static Column window(Column time, String duration, String slide) {
        return window(time, duration, slide, null);
    }

    /** As {@link #window(Column, String, String)}, windows starting {@code startTime} after the epoch's multiples. */
    public static Column window(Column time, String duration, String slide, String startTime) {
        String size = SqlIntervals.literal("window", duration);
        String offset = startTime == null ? null : SqlIntervals.literal("window start time", startTime);
        if (SqlIntervals.parse("window", duration).equals(SqlIntervals.parse("window", slide))) {
            return windowColumn(new WindowSpec(WindowSpec.Kind.TUMBLE, timeName("window", time), size, null, offset));
        }
        return windowColumn(new WindowSpec(WindowSpec.Kind.HOP, timeName("window", time), size,
                SqlIntervals.literal("window slide", slide), offset));
    }

    /** A session window closing {@code gap} after its last row: {@code SESSION}, partitioned by the other keys. */
    public static Column session_window(Column time, String gap) {
        return windowColumn(new WindowSpec(WindowSpec.Kind.SESSION, timeName("session_window", time),
                SqlIntervals.literal("session_window", gap), null, null));
    }

    private static Column windowColumn(WindowSpec spec) {
        return new Column("window", "window", null, spec);
    }

    private static String timeName(String fn, Column time) {
        if (time.reference == null) {
            throw new IllegalArgumentException(fn + ": the time column must be a column of the frame, e.g. col(\"ts\"), not "
                    + time.sql);
        }
        return time.reference;
    }
}
