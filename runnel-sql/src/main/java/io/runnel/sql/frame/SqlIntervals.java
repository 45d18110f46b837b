package io.runnel.sql.frame;

import io.runnel.sql.stream.Intervals;
import java.time.Duration;

/**
 * Spark's interval strings ({@code "10 seconds"}, {@code "1 minute"}, {@code "500 milliseconds"}) as SQL interval
 * literals, in the largest unit that divides them exactly, so the planner's window and watermark arithmetic sees
 * the same milliseconds Spark would.
 */
final class SqlIntervals {
    private SqlIntervals() {}

    static Duration parse(String what, String text) {
        try {
            Duration d = Intervals.parse(text);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + ": the interval '" + text + "' must be positive");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
    }

    static String literal(String what, String text) {
        return literal(parse(what, text));
    }

    static String literal(Duration d) {
        long ms = d.toMillis();
        if (ms % 86_400_000 == 0) {
            return unit(ms / 86_400_000, "DAY");
        }
        if (ms % 3_600_000 == 0) {
            return unit(ms / 3_600_000, "HOUR");
        }
        if (ms % 60_000 == 0) {
            return unit(ms / 60_000, "MINUTE");
        }
        if (ms % 1000 == 0) {
            return unit(ms / 1000, "SECOND");
        }
        String secs = String.format(java.util.Locale.ROOT, "%d.%03d", ms / 1000, ms % 1000);
        return "INTERVAL '" + secs + "' SECOND(" + Math.max(2, Long.toString(ms / 1000).length()) + ", 3)";
    }

    /** SQL's default leading precision is 2 digits; larger values name theirs. */
    private static String unit(long n, String unit) {
        String digits = Long.toString(n);
        return "INTERVAL '" + digits + "' " + unit + (digits.length() > 2 ? "(" + digits.length() + ")" : "");
    }
}
