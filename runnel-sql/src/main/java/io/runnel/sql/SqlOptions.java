package io.runnel.sql;

import io.runnel.api.StreamEnvironment;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options {@code SET 'key' = 'value'} sets, as Flink's configuration keys. Known keys are checked when set and
 * applied to the job; any other key is kept (connectors and operators may read it) as Flink keeps it.
 */
final class SqlOptions {
    private final Map<String, String> values = new LinkedHashMap<>();

    void set(String key, String value, StreamEnvironment env) {
        apply(key, value, env);
        values.put(key, value);
    }

    /** Applies a known key to {@code env}; checks it. */
    void apply(String key, String value, StreamEnvironment env) {
        switch (key) {
            case "parallelism.default" -> env.setParallelism(positiveInt(key, value));
            case "execution.checkpointing.interval" -> env.enableCheckpointing(duration(key, value));
            case "state.backend.type", "state.backend" -> env.setStateBackend(value);
            case "table.exec.state.ttl" -> duration(key, value);
            default -> { }
        }
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

    static Duration duration(String key, String value) {
        try {
            return io.runnel.sql.planner.PlannerOptions.duration(key, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SET " + e.getMessage(), e);
        }
    }
}
