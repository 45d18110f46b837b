package io.runnel.api.windowing;

/**
 * Event-time windows whose boundaries are the same for every key: start at multiples of
 * {@link #slide()} (plus {@link #offset()}), last {@link #size()}. The runtime aggregates these
 * by slices, so an element is folded once however many windows hold it.
 */
public interface AlignedWindows {
    long size();

    long slide();

    long offset();
}
