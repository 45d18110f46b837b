package io.runnel.bench.state;

import io.runnel.api.functions.MapFunction;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A pass-through that throws once, when the records it saw over all subtasks reach {@code at}, and
 * records the time of the failure. One per JVM: benchmarks run one job at a time.
 */
final class FailOnceAt<T> implements MapFunction<T, T> {
    static final AtomicLong SEEN = new AtomicLong();
    /** [0]: 1 once failed; [1]: System.nanoTime() of the failure. */
    static final AtomicLongArray FAILED = new AtomicLongArray(2);
    private final long at;

    FailOnceAt(long at) {
        this.at = at;
    }

    @Override
    public T map(T value) {
        if (SEEN.incrementAndGet() == at && FAILED.compareAndSet(0, 0, 1)) {
            FAILED.set(1, System.nanoTime());
            throw new IllegalStateException("benchmark failure injected at record " + at);
        }
        return value;
    }
}
