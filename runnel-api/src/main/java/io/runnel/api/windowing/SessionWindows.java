package io.runnel.api.windowing;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Session windows: an element opens [t, t + gap); windows that overlap merge, so a session ends
 * after {@code gap} without elements. Event or processing time.
 */
public final class SessionWindows extends WindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private final long gap;
    private final boolean eventTime;

    private SessionWindows(long gap, boolean eventTime) {
        if (gap <= 0) throw new IllegalArgumentException("session gap must be positive, got " + gap + " ms");
        this.gap = gap;
        this.eventTime = eventTime;
    }

    public static SessionWindows withGap(Duration gap) {
        return new SessionWindows(gap.toMillis(), true);
    }

    public static SessionWindows withProcessingTimeGap(Duration gap) {
        return new SessionWindows(gap.toMillis(), false);
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, long now) {
        long t = eventTime ? timestamp : now;
        return List.of(new TimeWindow(t, t + gap));
    }

    @Override
    public Trigger<Object, TimeWindow> defaultTrigger() {
        return eventTime ? EventTimeTrigger.create() : ProcessingTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return eventTime;
    }

    @Override
    public boolean isMerging() {
        return true;
    }
}
