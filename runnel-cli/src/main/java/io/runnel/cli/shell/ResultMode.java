package io.runnel.cli.shell;

import java.util.Locale;

/** How a SELECT's result is shown, as Flink's {@code SET 'sql-client.execution.result-mode'}. */
enum ResultMode {
    /** The table the changelog leaves, redrawn in place as it changes. */
    TABLE,
    /** The latest change rows with their kinds, redrawn in place as a scrolling window. */
    CHANGELOG,
    /** Rows printed as they come, never redrawn. */
    TABLEAU;

    static final String KEY = "sql-client.execution.result-mode";

    /** The mode {@code value} names (any case); null means the default, {@link #TABLE}. */
    static ResultMode of(String value) {
        if (value == null) {
            return TABLE;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SET '" + KEY + "' = '" + value + "': expected 'table', 'changelog' or 'tableau'");
        }
    }
}
