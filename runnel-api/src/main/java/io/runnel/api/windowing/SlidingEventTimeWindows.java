package io.runnel.api.windowing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Windows of {@code size} starting every {@code slide}, in event time; an element is in size/slide of them. */
public final class SlidingEventTimeWindows extends WindowAssigner<Object, TimeWindow> implements AlignedWindows {
    private static final long serialVersionUID = 1L;
    private final long size;
    private final long slide;
    private final long offset;

    private SlidingEventTimeWindows(long size, long slide, long offset) {
        if (size <= 0 || slide <= 0) {
            throw new IllegalArgumentException("sliding window size and slide must be positive, got " + size + "/" + slide + " ms");
        }
        this.size = size;
        this.slide = slide;
        this.offset = Math.floorMod(offset, slide);
    }

    public static SlidingEventTimeWindows of(Duration size, Duration slide) {
        return new SlidingEventTimeWindows(size.toMillis(), slide.toMillis(), 0);
    }

    public static SlidingEventTimeWindows of(Duration size, Duration slide, Duration offset) {
        return new SlidingEventTimeWindows(size.toMillis(), slide.toMillis(), offset.toMillis());
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, long now) {
        List<TimeWindow> windows = new ArrayList<>((int) (size / slide) + 1);
        long lastStart = TimeWindow.startOf(timestamp, offset, slide);
        for (long start = lastStart; start > timestamp - size; start -= slide) {
            windows.add(new TimeWindow(start, start + size));
        }
        return windows;
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
        return slide;
    }

    @Override
    public long offset() {
        return offset;
    }
}
