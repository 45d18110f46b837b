package io.runnel.api.windowing;

import java.io.Serializable;
import java.util.Collection;

/** Puts each element into zero or more windows and says which trigger applies by default. */
public abstract class WindowAssigner<T, W extends Window> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** {@code timestamp} is the element's event time; {@code now} the processing time. */
    public abstract Collection<W> assignWindows(T element, long timestamp, long now);

    public abstract Trigger<T, W> defaultTrigger();

    /** True when windows are measured in event time (the watermark ends them). */
    public abstract boolean isEventTime();

    /** True for assigners whose windows merge (sessions). */
    public boolean isMerging() {
        return false;
    }
}
