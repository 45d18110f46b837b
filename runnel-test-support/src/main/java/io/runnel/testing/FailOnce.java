package io.runnel.testing;

import io.runnel.api.functions.MapFunction;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A pass-through map that throws once, at the {@code at}-th record it sees over all subtasks and
 * attempts (counted from 1): a failure injected at a chosen record. Later attempts pass.
 */
public final class FailOnce<T> implements MapFunction<T, T> {
    private static final Map<String, AtomicLong> SEEN = new ConcurrentHashMap<>();
    private final String id = UUID.randomUUID().toString();
    private final long at;

    public FailOnce(long at) {
        this.at = at;
        SEEN.put(id, new AtomicLong());
    }

    @Override
    public T map(T value) {
        if (SEEN.get(id).incrementAndGet() == at) throw new IllegalStateException("injected failure at record " + at);
        return value;
    }
}
