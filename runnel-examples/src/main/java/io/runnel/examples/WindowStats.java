package io.runnel.examples;

import java.io.Serializable;

/** The statistics of the event-time window {@code [start, end)}. */
public record WindowStats(long start, long end, Stats stats) implements Serializable {
    @Override
    public String toString() {
        return "[" + start + ", " + end + ") " + stats;
    }
}
