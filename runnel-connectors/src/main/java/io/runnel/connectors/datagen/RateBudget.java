package io.runnel.connectors.datagen;

/**
 * How many records a reader may emit now to stay at or under a rate since it started. Never
 * sleeps: a reader with no budget returns and is polled again later.
 */
final class RateBudget {
    private final double perSecond;
    private long startNanos = -1;
    private long emitted;

    RateBudget(double perSecond) {
        this.perSecond = perSecond;
    }

    /** Records allowed now, at most {@code max}. */
    long available(long max, long nowNanos) {
        if (startNanos < 0) startNanos = nowNanos;
        double elapsedSeconds = (nowNanos - startNanos) / 1e9;
        // +1: the first record may go at once; after that the rate holds on average.
        long allowed = (long) Math.floor(elapsedSeconds * perSecond) + 1 - emitted;
        return Math.max(0, Math.min(max, allowed));
    }

    void consumed(long n) {
        emitted += n;
    }
}
