package io.runnel.sql.planner;

import io.runnel.api.DataStream;
import io.runnel.sql.data.Row;

/**
 * A translated subtree: its stream, the index of its event-time attribute (-1: none; an updating stream has none,
 * as in Flink) and the kinds of rows it emits.
 */
record Translated(DataStream<Row> stream, int rowtime, ChangelogMode mode) {
    Translated(DataStream<Row> stream, int rowtime) {
        this(stream, rowtime, ChangelogMode.INSERT_ONLY);
    }

    static Translated updating(DataStream<Row> stream, int... upsertKey) {
        return new Translated(stream, -1, ChangelogMode.updating(upsertKey));
    }
}
