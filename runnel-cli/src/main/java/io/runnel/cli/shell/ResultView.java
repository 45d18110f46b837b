package io.runnel.cli.shell;

import io.runnel.sql.data.Row;
import java.util.List;

/**
 * What a live query shows of its changelog, redrawn whole on each frame. Called by the one thread that draws, so a
 * view needs no locking; the job's threads hand rows over through a {@link ResultChannel}.
 */
interface ResultView {
    /** Takes one change row. */
    void accept(Row row);

    /** The frame: at most {@code maxRows} rows of data plus the view's header and borders. */
    List<String> lines(int maxRows);

    /** One line on what the frame holds, e.g. "42 rows" or "last 20 of 1,000 changes". */
    String summary(int maxRows);
}
