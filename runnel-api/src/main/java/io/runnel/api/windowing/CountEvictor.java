package io.runnel.api.windowing;

import java.util.List;

/** Keeps at most the last {@code max} elements of a window. */
public final class CountEvictor<T, W extends Window> implements Evictor<T, W> {
    private static final long serialVersionUID = 1L;
    private final int max;

    private CountEvictor(int max) {
        if (max <= 0) throw new IllegalArgumentException("max must be positive, got " + max);
        this.max = max;
    }

    public static <T, W extends Window> CountEvictor<T, W> of(int max) {
        return new CountEvictor<>(max);
    }

    @Override
    public void evictBefore(List<Timestamped<T>> elements, W window, long watermark) {
        int excess = elements.size() - max;
        if (excess > 0) elements.subList(0, excess).clear();
    }
}
