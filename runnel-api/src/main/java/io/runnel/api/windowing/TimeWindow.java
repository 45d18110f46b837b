package io.runnel.api.windowing;

/** The half-open time interval [start, end) in epoch milliseconds. */
public final class TimeWindow extends Window {
    private static final long serialVersionUID = 1L;
    private final long start;
    private final long end;

    public TimeWindow(long start, long end) {
        this.start = start;
        this.end = end;
    }

    public long start() {
        return start;
    }

    public long end() {
        return end;
    }

    /** Flink's spelling, for users coming from it. */
    public long getStart() {
        return start;
    }

    /** Flink's spelling, for users coming from it. */
    public long getEnd() {
        return end;
    }

    @Override
    public long maxTimestamp() {
        return end - 1;
    }

    public boolean intersects(TimeWindow other) {
        return start <= other.end && end >= other.start;
    }

    public TimeWindow cover(TimeWindow other) {
        return new TimeWindow(Math.min(start, other.start), Math.max(end, other.end));
    }

    /** The start of the window of {@code size} (shifted by {@code offset}) that holds {@code timestamp}. */
    public static long startOf(long timestamp, long offset, long size) {
        return timestamp - Math.floorMod(timestamp - offset, size);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeWindow w && w.start == start && w.end == end;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(start * 31 + end);
    }

    @Override
    public String toString() {
        return "TimeWindow[" + start + ", " + end + ")";
    }
}
