package io.runnel.connectors.nexmark;

/**
 * The per-event SplitMix64 stream of GENERATOR.md §1. One mutable instance is reset for every event
 * (rather than allocated) so the generator's hot path stays allocation-free.
 */
final class EventRandom {
    static final long SEED = 0x2545F4914F6CDD1DL;
    static final long GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    /** SplitMix64 finaliser, Stafford variant 13. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Starts the stream of event {@code i}. */
    void reset(long i) { state = mix64(i + SEED); }

    long state() { return state; }

    long next() {
        state += GAMMA;
        return mix64(state);
    }

    /** One draw, "uniform" in [0, n), n > 0. */
    long below(long n) { return (next() >>> 1) % n; }

    /** One draw in [0, n) as an int. */
    int belowInt(int n) { return (int) below(n); }
}
