package io.runnel.sql.stream;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Interval strings as Spark takes them for triggers and watermarks: "10 seconds", "500 ms", "1 minute", "2 hours". */
public final class Intervals {
    private static final Pattern FORM = Pattern.compile("(?i)\\s*(?:interval\\s+)?(\\d+(?:\\.\\d+)?)\\s*([a-z]+)\\s*");

    private Intervals() {}

    public static Duration parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad interval '" + text + "': use e.g. '10 seconds', '500 milliseconds', '1 minute'");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        long millis = switch (unit) {
            case "ms", "millisecond", "milliseconds", "msec", "msecs" -> Math.round(n);
            case "s", "sec", "secs", "second", "seconds" -> Math.round(n * 1000);
            case "m", "min", "mins", "minute", "minutes" -> Math.round(n * 60_000);
            case "h", "hour", "hours" -> Math.round(n * 3_600_000);
            case "d", "day", "days" -> Math.round(n * 86_400_000);
            default -> throw new IllegalArgumentException("bad interval '" + text + "': unknown unit '" + unit + "'");
        };
        return Duration.ofMillis(millis);
    }
}
