package io.runnel.api.windowing;

import java.time.Duration;
import java.util.List;

/** Keeps only elements within {@code keep} of the newest element of the window. */
public final class TimeEvictor<T, W extends Window> implements Evictor<T, W> {
    private static final long serialVersionUID = 1L;
    private final long keep;

    private TimeEvictor(long keep) {
        this.keep = keep;
    }

    public static <T, W extends Window> TimeEvictor<T, W> of(Duration keep) {
        return new TimeEvictor<>(keep.toMillis());
    }

    @Override
    public void evictBefore(List<Timestamped<T>> elements, W window, long watermark) {
        long newest = Long.MIN_VALUE;
        for (Timestamped<T> e : elements) newest = Math.max(newest, e.timestamp());
        long cutoff = newest - keep;
        elements.removeIf(e -> e.timestamp() <= cutoff);
    }
}
