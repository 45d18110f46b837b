package io.runnel.sql.planner;

import io.runnel.api.state.StateTtlConfig;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The options operators are planned with, read from the SQL environment's {@code SET}s when a query is planned
 * (a later SET changes later queries only), as Flink's table config.
 */
public final class PlannerOptions {
    /** Idle state of unbounded operators (GROUP BY, joins, Top-N) expires after this long; 0 keeps it forever. */
    public static final String STATE_TTL = "table.exec.state.ttl";
    /**
     * A table the late rows of event-time operators are written to, as {@code (operator STRING, row STRING, rowtime
     * TIMESTAMP(3))}; unset: they are dropped, counted and logged.
     */
    public static final String LATE_ROWS_SINK = "table.exec.late-rows.sink";
    /**
     * Set for one query by Structured Streaming's availableNow and once triggers: every source ends at the data there
     * is when the query starts ({@link io.runnel.sql.connect.TableConnector#availableNow}).
     */
    public static final String AVAILABLE_NOW = "runnel.scan.available-now";
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|min|h|d)?");
    private final Map<String, String> values;

    public PlannerOptions(Map<String, String> values) {
        this.values = values;
    }

    public static PlannerOptions none() {
        return new PlannerOptions(Map.of());
    }

    public String get(String key) {
        return values.get(key);
    }

    /** These options with {@code more} on top, for one query. */
    public PlannerOptions with(Map<String, String> more) {
        Map<String, String> all = new java.util.LinkedHashMap<>(values);
        all.putAll(more);
        return new PlannerOptions(all);
    }

    public boolean availableNow() {
        return "true".equals(values.get(AVAILABLE_NOW));
    }

    /** {@link #LATE_ROWS_SINK}, or null. */
    public String lateRowsSink() {
        String v = values.get(LATE_ROWS_SINK);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** {@link #STATE_TTL} as the state backends take it: disabled unless set to more than 0. */
    public StateTtlConfig stateTtl() {
        String v = values.get(STATE_TTL);
        if (v == null) {
            return StateTtlConfig.DISABLED;
        }
        Duration ttl = duration(STATE_TTL, v);
        return ttl.isZero() ? StateTtlConfig.DISABLED : StateTtlConfig.of(ttl, StateTtlConfig.UpdateType.ON_CREATE_AND_WRITE);
    }

    /** Flink's duration syntax: a number with an optional unit ms, s, min, h, d (milliseconds without one). */
    public static Duration duration(String key, String value) {
        Matcher m = DURATION.matcher(value.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + key + "' = '" + value + "': expected a duration such as '10 s', '500 ms', '5 min'");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "min" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
