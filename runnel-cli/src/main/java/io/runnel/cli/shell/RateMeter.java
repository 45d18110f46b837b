package io.runnel.cli.shell;

/**
 * Rows per second over the last second or so: the count is sampled at each frame, and the rate is taken between now
 * and the oldest sample still inside the window, so a query that slows down shows it within a second (an average
 * since the start would hide it). The clock is passed in, in nanoseconds, for tests.
 */
final class RateMeter {
    private static final int SAMPLES = 64;
    private final long windowNanos;
    private final long[] times = new long[SAMPLES];
    private final long[] counts = new long[SAMPLES];
    private int next;
    private int held;

    RateMeter(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    /** Notes that {@code total} rows had come by {@code nanos}. */
    void sample(long total, long nanos) {
        times[next] = nanos;
        counts[next] = total;
        next = (next + 1) % SAMPLES;
        held = Math.min(held + 1, SAMPLES);
    }

    /** Rows per second between the newest sample and the oldest within the window before it; 0 before two samples. */
    double rate() {
        if (held < 2) {
            return 0;
        }
        int newest = (next - 1 + SAMPLES) % SAMPLES;
        int from = newest;
        for (int k = 1; k < held; k++) {
            from = (newest - k + SAMPLES) % SAMPLES;
            if (times[newest] - times[from] > windowNanos) {
                break; // the first sample past the window: the span covers the whole window
            }
        }
        long dt = times[newest] - times[from];
        return dt <= 0 ? 0 : (counts[newest] - counts[from]) * 1e9 / dt;
    }
}
