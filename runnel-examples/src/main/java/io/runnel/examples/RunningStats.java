package io.runnel.examples;

import java.io.Serializable;
import java.util.Collections;
import java.util.PriorityQueue;

/**
 * Count, sum, min, max, mean and the exact median of a growing sequence of numbers. The median
 * uses two heaps: a max-heap of the lower half and a min-heap of the upper half, kept within one
 * element of each other, so adding is O(log n) and the median is read from the tops in O(1). It
 * holds every value (an exact median needs them); for approximate quantiles in constant memory use
 * a sketch instead.
 */
public final class RunningStats implements Serializable {
    private static final long serialVersionUID = 1L;
    private final PriorityQueue<Long> lower = new PriorityQueue<>(Collections.reverseOrder());
    private final PriorityQueue<Long> upper = new PriorityQueue<>();
    private long count;
    private long sum;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;

    public void add(long value) {
        count++;
        sum = Math.addExact(sum, value);
        min = Math.min(min, value);
        max = Math.max(max, value);
        if (lower.isEmpty() || value <= lower.peek()) lower.add(value);
        else upper.add(value);
        // Rebalance: lower holds the extra element when the count is odd.
        if (lower.size() > upper.size() + 1) upper.add(lower.poll());
        else if (upper.size() > lower.size()) lower.add(upper.poll());
    }

    public long count() {
        return count;
    }

    /** The middle value, or the mean of the two middle values when the count is even. */
    public double median() {
        requireValues();
        return lower.size() > upper.size() ? lower.peek() : (lower.peek() + (double) upper.peek()) / 2;
    }

    public Stats snapshot() {
        requireValues();
        return new Stats(count, sum, min, max, (double) sum / count, median());
    }

    private void requireValues() {
        if (count == 0) throw new IllegalStateException("no values yet: statistics of an empty sequence are undefined");
    }
}
