package io.runnel.sql.connect.datagen;

/**
 * Stateless pseudo-random numbers: SplitMix64's finalizer over a counter, so the {@code k}-th draw
 * for a row and column is known without generating those before it.
 */
final class Mix {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Mix() {}

    /** A well-spread 64-bit value of {@code x}. */
    static long mix(long x) {
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }

    /** The {@code k}-th draw of the stream {@code salt} for row {@code row}. */
    static long draw(long salt, long row, int k) {
        return mix(salt + row * GOLDEN + (long) k * 0xD1B54A32D192ED03L);
    }

    /** A double in [0, 1) from a draw. */
    static double unit(long draw) {
        return (draw >>> 11) * 0x1.0p-53;
    }

    /** A salt for column {@code index} of a table, or for child {@code index} of another salt. */
    static long salt(long parent, int index) {
        return mix(parent ^ (GOLDEN * (index + 1)));
    }
}
