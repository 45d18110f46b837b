package io.runnel.api.windowing;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** Fixed-size, non-overlapping windows of processing time. */
public final class TumblingProcessingTimeWindows extends WindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private final long size;

    private TumblingProcessingTimeWindows(long size) {
        if (size <= 0) throw new IllegalArgumentException("window size must be positive, got " + size + " ms");
        this.size = size;
    }

    public static TumblingProcessingTimeWindows of(Duration size) {
        return new TumblingProcessingTimeWindows(size.toMillis());
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, long now) {
        long start = TimeWindow.startOf(now, 0, size);
        return List.of(new TimeWindow(start, start + size));
    }

    @Override
    public Trigger<Object, TimeWindow> defaultTrigger() {
        return ProcessingTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return false;
    }
}
