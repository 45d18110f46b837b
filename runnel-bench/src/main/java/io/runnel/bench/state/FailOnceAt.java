package io.runnel.bench.state;

import io.runnel.api.functions.MapFunction;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A pass-through that throws once, when the records it saw over all subtasks reach {@code at}.
 * The counters are per JVM: benchmarks run one job at a time. The job client measures the recovery.
 */
final class FailOnceAt<T> implements MapFunction<T, T> {
    static final AtomicLong SEEN = new AtomicLong();
    static final AtomicBoolean FAILED = new AtomicBoolean();
    private final long at;

    FailOnceAt(long at) {
        this.at = at;
    }

    @Override
    public T map(T value) {
        if (SEEN.incrementAndGet() == at && FAILED.compareAndSet(false, true)) {
            throw new IllegalStateException("benchmark failure injected at record " + at);
        }
        return value;
    }
}
