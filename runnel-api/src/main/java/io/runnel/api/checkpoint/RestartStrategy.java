package io.runnel.api.checkpoint;

import java.io.Serializable;
import java.time.Duration;

/**
 * What happens when a task fails: the job restarts from its latest completed checkpoint after a
 * delay, up to a number of attempts, or fails at once.
 */
public record RestartStrategy(int maxAttempts, long initialDelayMillis, long maxDelayMillis, double multiplier)
        implements Serializable {

    public RestartStrategy {
        if (maxAttempts < 0) throw new IllegalArgumentException("restart attempts must not be negative, got " + maxAttempts);
        if (initialDelayMillis < 0 || maxDelayMillis < initialDelayMillis) {
            throw new IllegalArgumentException("restart delays must satisfy 0 <= initial <= max, got " + initialDelayMillis + ", " + maxDelayMillis);
        }
        if (multiplier < 1) throw new IllegalArgumentException("backoff multiplier must be at least 1, got " + multiplier);
    }

    /** The job fails on the first failure. */
    public static RestartStrategy none() {
        return new RestartStrategy(0, 0, 0, 1);
    }

    public static RestartStrategy fixedDelay(int attempts, Duration delay) {
        return new RestartStrategy(attempts, delay.toMillis(), delay.toMillis(), 1);
    }

    public static RestartStrategy exponentialBackoff(Duration initial, Duration max, double multiplier, int attempts) {
        return new RestartStrategy(attempts, initial.toMillis(), max.toMillis(), multiplier);
    }

    /** The default once checkpointing is on: unlimited attempts, 100 ms doubling to 10 s. */
    public static RestartStrategy defaultForCheckpointing() {
        return exponentialBackoff(Duration.ofMillis(100), Duration.ofSeconds(10), 2, Integer.MAX_VALUE);
    }

    /** The delay before restart number {@code attempt} (1-based). */
    public long delayMillis(int attempt) {
        double d = initialDelayMillis * Math.pow(multiplier, Math.max(0, attempt - 1));
        return (long) Math.min(maxDelayMillis, d);
    }
}
