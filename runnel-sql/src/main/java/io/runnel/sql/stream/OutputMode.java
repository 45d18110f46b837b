package io.runnel.sql.stream;

import java.util.Locale;

/** What reaches the sink at each trigger, as Spark's output modes define it. */
public enum OutputMode {
    /** Only rows added to the result table that will never change. */
    APPEND,
    /** The rows of the result table that changed since the last trigger. */
    UPDATE,
    /** The whole result table. */
    COMPLETE;

    /** {@code append}, {@code update} or {@code complete}, in any case. */
    public static OutputMode of(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown output mode '" + name + "': use append, update or complete");
        }
    }
}
