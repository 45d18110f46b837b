package io.runnel.sql.stream;

import java.time.Duration;

/**
 * When results reach the sink. {@link #continuous()}: each result row as it is made (the engine is continuous, so
 * this is the default); {@link #processingTime}: micro-batches, each holding the input up to a barrier taken every
 * interval; {@link #availableNow()}: the input there is when the query starts, in micro-batches, then the query
 * stops; {@link #once()}: the same in one batch.
 */
public sealed interface Trigger {
    record Continuous() implements Trigger {}

    record ProcessingTime(Duration interval) implements Trigger {}

    record AvailableNow() implements Trigger {}

    record Once() implements Trigger {}

    static Trigger continuous() {
        return new Continuous();
    }

    static Trigger processingTime(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("a processing-time trigger needs a positive interval, got " + interval);
        }
        return new ProcessingTime(interval);
    }

    /** {@code "2 seconds"}, {@code "500 ms"}, {@code "1 minute"}, as Spark's trigger strings. */
    static Trigger processingTime(String interval) {
        return processingTime(Intervals.parse(interval));
    }

    static Trigger availableNow() {
        return new AvailableNow();
    }

    static Trigger once() {
        return new Once();
    }
}
