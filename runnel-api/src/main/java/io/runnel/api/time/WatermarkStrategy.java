package io.runnel.api.time;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How a stream's records get event time and watermarks: a timestamp assigner plus a factory of
 * watermark generators, optionally marking inputs idle after a quiet period.
 */
public final class WatermarkStrategy<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Creates one generator per split or subtask. */
    @FunctionalInterface
    public interface GeneratorFactory<T> extends Serializable {
        WatermarkGenerator<T> create();
    }

    private final GeneratorFactory<T> generators;
    private final TimestampAssigner<T> assigner;
    private final Duration idleness;

    private WatermarkStrategy(GeneratorFactory<T> generators, TimestampAssigner<T> assigner, Duration idleness) {
        this.generators = generators;
        this.assigner = assigner;
        this.idleness = idleness;
    }

    /** Watermark = highest timestamp seen minus {@code maxOutOfOrderness} minus 1 ms. */
    public static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration maxOutOfOrderness) {
        long lag = maxOutOfOrderness.toMillis();
        if (lag < 0) throw new IllegalArgumentException("out-of-orderness must not be negative: " + maxOutOfOrderness);
        return new WatermarkStrategy<>(() -> new BoundedOutOfOrdernessWatermarks<>(lag), null, null);
    }

    /** For timestamps that never decrease: watermark = highest timestamp seen minus 1 ms. */
    public static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
        return forBoundedOutOfOrderness(Duration.ZERO);
    }

    /** A custom generator. */
    public static <T> WatermarkStrategy<T> forGenerator(GeneratorFactory<T> generators) {
        return new WatermarkStrategy<>(Objects.requireNonNull(generators), null, null);
    }

    /** No watermarks: event-time windows and timers never fire before the end of input. */
    public static <T> WatermarkStrategy<T> noWatermarks() {
        return new WatermarkStrategy<>(NoWatermarks::new, null, null);
    }

    public WatermarkStrategy<T> withTimestampAssigner(TimestampAssigner<T> assigner) {
        return new WatermarkStrategy<>(generators, Objects.requireNonNull(assigner), idleness);
    }

    /** Marks an input idle when it has had no records for {@code timeout} of processing time. */
    public WatermarkStrategy<T> withIdleness(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("idleness must be positive: " + timeout);
        return new WatermarkStrategy<>(generators, assigner, timeout);
    }

    public WatermarkGenerator<T> createGenerator() {
        return generators.create();
    }

    /** The assigner, or null to keep the timestamps the source gave. */
    public TimestampAssigner<T> timestampAssigner() {
        return assigner;
    }

    /** The idleness timeout, or null. */
    public Duration idleness() {
        return idleness;
    }

    /** Keeps the highest timestamp; emits it minus the lag. */
    static final class BoundedOutOfOrdernessWatermarks<T> implements WatermarkGenerator<T> {
        private final long lag;
        private long maxTimestamp;

        BoundedOutOfOrdernessWatermarks(long lag) {
            this.lag = lag;
            this.maxTimestamp = Long.MIN_VALUE + lag + 1;
        }

        @Override
        public void onEvent(T record, long timestamp, WatermarkOutput output) {
            if (timestamp > maxTimestamp) maxTimestamp = timestamp;
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            output.emitWatermark(maxTimestamp - lag - 1);
        }
    }

    /** Emits nothing. */
    static final class NoWatermarks<T> implements WatermarkGenerator<T> {
        @Override
        public void onEvent(T record, long timestamp, WatermarkOutput output) {}

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
    }
}
