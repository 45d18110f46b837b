package io.runnel.api.windowing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Windows of {@code size} starting every {@code slide}, in processing time. */
public final class SlidingProcessingTimeWindows extends WindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private final long size;
    private final long slide;

    private SlidingProcessingTimeWindows(long size, long slide) {
        if (size <= 0 || slide <= 0) throw new IllegalArgumentException("size and slide must be positive");
        this.size = size;
        this.slide = slide;
    }

    public static SlidingProcessingTimeWindows of(Duration size, Duration slide) {
        return new SlidingProcessingTimeWindows(size.toMillis(), slide.toMillis());
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, long now) {
        List<TimeWindow> windows = new ArrayList<>();
        for (long start = TimeWindow.startOf(now, 0, slide); start > now - size; start -= slide) {
            windows.add(new TimeWindow(start, start + size));
        }
        return windows;
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
