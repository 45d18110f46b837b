package io.runnel.sql.connect;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A table's {@code WITH} options as one connector reads them: each lookup names the table, the
 * connector and the key in its error, so a bad value in a long script is found at once.
 */
public final class ConnectorOptions {
    private final String table;
    private final String connector;
    private final Map<String, String> options;

    public ConnectorOptions(String table, String connector, Map<String, String> options) {
        this.table = table;
        this.connector = connector;
        this.options = options;
    }

    public String table() {
        return table;
    }

    public Map<String, String> asMap() {
        return options;
    }

    /**
     * Fails naming the first option that is neither {@code connector}, one of {@code known}, nor
     * starts with one of {@code prefixes} (format options such as {@code json.}, Kafka client
     * properties {@code properties.}, datagen's {@code fields.}).
     */
    public ConnectorOptions checkKnown(Set<String> known, String... prefixes) {
        for (String key : new TreeSet<>(options.keySet())) {
            if (key.equals("connector") || known.contains(key)) {
                continue;
            }
            boolean prefixed = false;
            for (String p : prefixes) {
                prefixed |= key.startsWith(p);
            }
            if (!prefixed) {
                throw error("unknown option '" + key + "' (it takes " + String.join(", ", new TreeSet<>(known))
                        + (prefixes.length == 0 ? "" : " and options starting " + String.join(", ", prefixes)) + ")");
            }
        }
        return this;
    }

    public boolean has(String key) {
        return options.containsKey(key);
    }

    public String get(String key) {
        return options.get(key);
    }

    public String get(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }

    public String required(String key) {
        String v = options.get(key);
        if (v == null || v.isEmpty()) {
            throw error("needs option '" + key + "'");
        }
        return v;
    }

    public long getLong(String key, long fallback) {
        String v = options.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw error("'" + key + "' = '" + v + "' is not a whole number");
        }
    }

    public double getDouble(String key, double fallback) {
        String v = options.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw error("'" + key + "' = '" + v + "' is not a number");
        }
    }

    public boolean getBoolean(String key, boolean fallback) {
        String v = options.get(key);
        if (v == null) {
            return fallback;
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error("'" + key + "' = '" + v + "' is not true or false");
        };
    }

    /** One character (as Flink's delimiter options); {@code \t} and {@code \\t}-style escapes are taken. */
    public char getChar(String key, char fallback) {
        String v = options.get(key);
        if (v == null) {
            return fallback;
        }
        String s = switch (v) {
            case "\\t" -> "\t";
            case "\\n" -> "\n";
            default -> v;
        };
        if (s.length() != 1) {
            throw error("'" + key + "' = '" + v + "' must be a single character");
        }
        return s.charAt(0);
    }

    /** A duration as Flink writes them: {@code 500 ms}, {@code 10s}, {@code 5 min}, {@code 1 h}, a bare number of milliseconds. */
    public Duration getDuration(String key, Duration fallback) {
        String v = options.get(key);
        if (v == null) {
            return fallback;
        }
        String s = v.trim().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw error("'" + key + "' = '" + v + "' is not a duration (say 500 ms, 10 s, 5 min)");
        }
        long n = Long.parseLong(s.substring(0, i));
        String unit = s.substring(i).trim();
        return switch (unit) {
            case "", "ms", "milli", "millis", "millisecond", "milliseconds" -> Duration.ofMillis(n);
            case "s", "sec", "secs", "second", "seconds" -> Duration.ofSeconds(n);
            case "m", "min", "mins", "minute", "minutes" -> Duration.ofMinutes(n);
            case "h", "hour", "hours" -> Duration.ofHours(n);
            case "d", "day", "days" -> Duration.ofDays(n);
            default -> throw error("'" + key + "' = '" + v + "': unknown unit '" + unit + "'");
        };
    }

    /** An error naming the table and connector. */
    public IllegalArgumentException error(String what) {
        return new IllegalArgumentException("table " + table + " (connector '" + connector + "'): " + what);
    }
}
