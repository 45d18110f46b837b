package io.runnel.cli.shell;

import io.runnel.sql.data.Row;
import java.util.List;

/** Where a live query's result goes on the terminal: given the rows as they come, a status on each frame, and a last one. */
interface Screen {
    /** Rows just received, in order. */
    void rows(List<Row> rows);

    /** Draws the current state with {@code status} under it. */
    void frame(StatusText status);

    /** Draws the last state, to stay on screen above the next prompt. */
    void finish(StatusText status);

    /** A status line built from what the screen knows (the view's summary) and what the query knows (rows, rate). */
    interface StatusText {
        String text(String summary);
    }
}
