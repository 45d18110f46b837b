package io.runnel.examples;

import java.io.Serializable;

/** Statistics of the values seen so far (or in one window). */
public record Stats(long count, long sum, long min, long max, double mean, double median) implements Serializable {
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "count=%d sum=%d min=%d max=%d mean=%.3f median=%s",
                count, sum, min, max, mean, median);
    }
}
