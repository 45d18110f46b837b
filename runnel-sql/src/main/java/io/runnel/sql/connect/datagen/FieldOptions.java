package io.runnel.sql.connect.datagen;

import io.runnel.sql.connect.ConnectorOptions;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code fields.<column>.*} options of one column, as Flink's datagen names them. Values stay
 * text until the generator for the column's type reads them, so an error can name the type.
 */
record FieldOptions(String column, boolean sequence, String min, String max, long maxPastMillis, Integer length,
                    boolean varLen, String start, String end, double nullRate) {
    static final String KIND = "kind";
    static final String MIN = "min";
    static final String MAX = "max";
    static final String MAX_PAST = "max-past";
    static final String LENGTH = "length";
    static final String VAR_LEN = "var-len";
    static final String START = "start";
    static final String END = "end";
    static final String NULL_RATE = "null-rate";
    static final Set<String> ALL = Set.of(KIND, MIN, MAX, MAX_PAST, LENGTH, VAR_LEN, START, END, NULL_RATE);
    private static final Set<String> RANDOM_ONLY = Set.of(MIN, MAX, MAX_PAST, LENGTH, VAR_LEN);
    private static final Set<String> SEQUENCE_ONLY = Set.of(START, END);

    /** The options of {@code column} (all defaults when none is given). */
    static FieldOptions read(ConnectorOptions options, String column) {
        String prefix = "fields." + column + ".";
        String kind = options.get(prefix + KIND, "random").trim().toLowerCase(Locale.ROOT);
        boolean sequence = switch (kind) {
            case "random" -> false;
            case "sequence" -> true;
            default -> throw options.error("'" + prefix + KIND + "' = '" + kind + "' is neither 'random' nor 'sequence'");
        };
        for (String opt : sequence ? RANDOM_ONLY : SEQUENCE_ONLY) {
            if (options.has(prefix + opt)) {
                throw options.error("'" + prefix + opt + "' does not apply to a " + (sequence ? "sequence" : "random")
                        + " column" + (sequence ? "" : " (set '" + prefix + KIND + "' = 'sequence' for start and end)"));
            }
        }
        long length = options.getLong(prefix + LENGTH, -1);
        if (options.has(prefix + LENGTH) && (length < 0 || length > 1 << 20)) {
            throw options.error("'" + prefix + LENGTH + "' = '" + options.get(prefix + LENGTH) + "' must be between 0 and " + (1 << 20));
        }
        long maxPast = options.getDuration(prefix + MAX_PAST, java.time.Duration.ZERO).toMillis();
        double nullRate = options.getDouble(prefix + NULL_RATE, 0);
        if (nullRate < 0 || nullRate > 1) {
            throw options.error("'" + prefix + NULL_RATE + "' = '" + options.get(prefix + NULL_RATE) + "' must be between 0 and 1");
        }
        if (sequence && (!options.has(prefix + START) || !options.has(prefix + END))) {
            throw options.error("a sequence column needs '" + prefix + START + "' and '" + prefix + END + "'");
        }
        return new FieldOptions(column, sequence, options.get(prefix + MIN), options.get(prefix + MAX), maxPast,
                length < 0 ? null : (int) length, options.getBoolean(prefix + VAR_LEN, false),
                options.get(prefix + START), options.get(prefix + END), nullRate);
    }

    /** Defaults, for the elements of arrays and maps and the fields of rows. */
    static FieldOptions defaults(String column) {
        return new FieldOptions(column, false, null, null, 0, null, false, null, null, 0);
    }

    int lengthOr(int fallback) {
        return length == null ? fallback : length;
    }
}
