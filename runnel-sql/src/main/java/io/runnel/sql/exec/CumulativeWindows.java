package io.runnel.sql.exec;

import io.runnel.api.windowing.EventTimeTrigger;
import io.runnel.api.windowing.ProcessingTimeTrigger;
import io.runnel.api.windowing.TimeWindow;
import io.runnel.api.windowing.Trigger;
import io.runnel.api.windowing.WindowAssigner;
import java.util.ArrayList;
import java.util.Collection;

/**
 * Flink's CUMULATE windows for a window aggregation: windows of one cycle (of {@code maxSize}, aligned to the epoch
 * plus {@code offset}) share their start and end at each {@code step}, so [s, s+step), [s, s+2 step), ..., [s, s+max).
 * A row is in every window of its cycle that ends after it: at most max/step windows, each folded incrementally.
 */
public final class CumulativeWindows extends WindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private final long step;
    private final long maxSize;
    private final long offset;
    private final boolean eventTime;

    public CumulativeWindows(long step, long maxSize, long offset, boolean eventTime) {
        if (step <= 0 || maxSize <= 0 || maxSize % step != 0) {
            throw new IllegalArgumentException("CUMULATE: the max size must be a positive multiple of the step, got step "
                    + step + " and size " + maxSize + " ms");
        }
        this.step = step;
        this.maxSize = maxSize;
        this.offset = offset;
        this.eventTime = eventTime;
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, long now) {
        long t = eventTime ? timestamp : now;
        long start = t - Math.floorMod(t - offset, maxSize);
        long firstEnd = t - Math.floorMod(t - offset, step) + step;
        Collection<TimeWindow> windows = new ArrayList<>((int) ((start + maxSize - firstEnd) / step) + 1);
        for (long end = firstEnd; end <= start + maxSize; end += step) {
            windows.add(new TimeWindow(start, end));
        }
        return windows;
    }

    @Override
    public Trigger<Object, TimeWindow> defaultTrigger() {
        return eventTime ? EventTimeTrigger.create() : ProcessingTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return eventTime;
    }
}
