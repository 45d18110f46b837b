package io.runnel.sql.planner;

import io.runnel.api.DataStream;
import io.runnel.sql.data.Row;

/**
 * A translated subtree: its stream, the index of its event-time attribute (-1: none; an updating stream has none,
 * as in Flink), the kinds of rows it emits, and {@code window}: the indexes of {@code window_start} and
 * {@code window_end} when its rows are the output of a window aggregation (null otherwise), so a later GROUP BY or
 * join on those columns runs per window, as Flink propagates windows. {@code proctime} is the index of a column
 * defined by {@code PROCTIME()}, a processing-time attribute (-1: none).
 */
record Translated(DataStream<Row> stream, int rowtime, ChangelogMode mode, int[] window, int proctime) {
    Translated(DataStream<Row> stream, int rowtime, ChangelogMode mode, int[] window) {
        this(stream, rowtime, mode, window, -1);
    }

    Translated(DataStream<Row> stream, int rowtime, ChangelogMode mode) {
        this(stream, rowtime, mode, null);
    }

    Translated(DataStream<Row> stream, int rowtime) {
        this(stream, rowtime, ChangelogMode.INSERT_ONLY, null);
    }

    static Translated updating(DataStream<Row> stream, int... upsertKey) {
        return new Translated(stream, -1, ChangelogMode.updating(upsertKey), null);
    }

    /** Window-aggregated rows whose window columns are at {@code start} and {@code end}. */
    static Translated windowed(DataStream<Row> stream, int start, int end) {
        return new Translated(stream, -1, ChangelogMode.INSERT_ONLY, new int[] {start, end});
    }
}
