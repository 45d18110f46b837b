package io.runnel.api.windowing;

import java.io.Serializable;
import java.util.List;

/**
 * Removes elements from a window's contents before and/or after the window function runs. A
 * window with an evictor keeps every element (no incremental aggregation).
 */
public interface Evictor<T, W extends Window> extends Serializable {
    /** An element with its timestamp. */
    record Timestamped<T>(T value, long timestamp) implements java.io.Serializable {}

    /** Called before the window function; remove from {@code elements} what should not be seen. */
    void evictBefore(List<Timestamped<T>> elements, W window, long watermark);

    /** Called after the window function. */
    default void evictAfter(List<Timestamped<T>> elements, W window, long watermark) {}
}
