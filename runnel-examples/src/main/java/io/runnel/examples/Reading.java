package io.runnel.examples;

import java.io.Serializable;

/** An integer observed at an event time (epoch milliseconds). */
public record Reading(long timestamp, long value) implements Serializable {
    /** Parses {@code timestamp,value}, e.g. {@code 1700000000000,42}. */
    public static Reading parse(String line) {
        int comma = line.indexOf(',');
        if (comma < 0) throw new IllegalArgumentException("expected 'timestamp,value', got '" + line + "'");
        return new Reading(Long.parseLong(line.substring(0, comma).trim()), Long.parseLong(line.substring(comma + 1).trim()));
    }

    /**
     * The generated reading number {@code index}: one every 10 ms of event time and a value in
     * 0..999 scrambled from the index (deterministic, so runs and tests repeat).
     */
    public static Reading generated(long index) {
        long z = (index + 1) * 0x9E3779B97F4A7C15L; // SplitMix64 finalizer: cheap, well mixed
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new Reading(index * 10, Math.floorMod(z ^ (z >>> 31), 1000L));
    }
}
