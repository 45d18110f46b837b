package io.runnel.sql.exec;

import io.runnel.api.windowing.EventTimeTrigger;
import io.runnel.api.windowing.TimeWindow;
import io.runnel.api.windowing.Trigger;
import io.runnel.api.windowing.WindowAssigner;
import io.runnel.sql.data.Row;
import java.util.Collection;
import java.util.List;

/**
 * Puts a row in the window its own {@code window_start}/{@code window_end} columns name: the rows of an upstream
 * window aggregation, aggregated again per window (Flink's window propagation). The window fires when the watermark
 * passes its end, right after the upstream window emitted its rows.
 */
public final class RowWindowAssigner extends WindowAssigner<Row, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private final int start;
    private final int end;

    public RowWindowAssigner(int start, int end) {
        this.start = start;
        this.end = end;
    }

    @Override
    public Collection<TimeWindow> assignWindows(Row row, long timestamp, long now) {
        return List.of(new TimeWindow((Long) row.field(start), (Long) row.field(end)));
    }

    @Override
    public Trigger<Row, TimeWindow> defaultTrigger() {
        return EventTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return true;
    }
}
