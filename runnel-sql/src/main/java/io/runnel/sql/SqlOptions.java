package io.runnel.sql;

import io.runnel.api.StreamEnvironment;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The options {@code SET 'key' = 'value'} sets, as Flink's configuration keys. Known keys are checked when set and
 * applied to the job; any other key is kept (connectors and operators may read it) as Flink keeps it.
 */
final class SqlOptions {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|min|h|d)?");
    private final Map<String, String> values = new LinkedHashMap<>();

    void set(String key, String value, StreamEnvironment env) {
        switch (key) {
            case "parallelism.default" -> env.setParallelism(positiveInt(key, value));
            case "execution.checkpointing.interval" -> env.enableCheckpointing(duration(key, value));
            case "state.backend.type", "state.backend" -> env.setStateBackend(value);
            case "table.exec.state.ttl" -> duration(key, value);
            default -> { }
        }
        values.put(key, value);
    }

    void reset(String key) {
        if (key == null) {
            values.clear();
        } else {
            values.remove(key);
        }
    }

    String get(String key) {
        return values.get(key);
    }

    Map<String, String> all() {
        return values;
    }

    private static int positiveInt(String key, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("SET '" + key + "' = '" + value + "': expected a positive whole number");
    }

    /** Flink's duration syntax: a number with an optional unit ms, s, min, h, d (milliseconds without one). */
    static Duration duration(String key, String value) {
        Matcher m = DURATION.matcher(value.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("SET '" + key + "' = '" + value
                    + "': expected a duration such as '10 s', '500 ms', '5 min'");
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
