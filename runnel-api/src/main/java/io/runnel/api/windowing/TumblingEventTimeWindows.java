package io.runnel.api.windowing;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** Fixed-size, non-overlapping event-time windows aligned to the epoch (plus an optional offset). */
public final class TumblingEventTimeWindows extends WindowAssigner<Object, TimeWindow> implements AlignedWindows {
    private static final long serialVersionUID = 1L;
    private final long size;
    private final long offset;

    private TumblingEventTimeWindows(long size, long offset) {
        if (size <= 0) throw new IllegalArgumentException("window size must be positive, got " + size + " ms");
        this.size = size;
        this.offset = Math.floorMod(offset, size);
    }

    public static TumblingEventTimeWindows of(Duration size) {
        return new TumblingEventTimeWindows(size.toMillis(), 0);
    }

    public static TumblingEventTimeWindows of(Duration size, Duration offset) {
        return new TumblingEventTimeWindows(size.toMillis(), offset.toMillis());
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, long now) {
        long start = TimeWindow.startOf(timestamp, offset, size);
        return List.of(new TimeWindow(start, start + size));
    }

    @Override
    public Trigger<Object, TimeWindow> defaultTrigger() {
        return EventTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return true;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public long slide() {
        return size;
    }

    @Override
    public long offset() {
        return offset;
    }
}
