package io.runnel.testing;

import io.runnel.api.connector.Committer;
import io.runnel.api.connector.CommittingSinkWriter;
import io.runnel.api.connector.SinkContext;
import io.runnel.api.connector.TwoPhaseCommitSink;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A two-phase-commit sink for tests: records become visible in {@link #committed()} only when
 * the checkpoint covering them commits; a batch committed twice counts once. It can fail a
 * given number of prepares or commits, to inject failures during a snapshot or a commit.
 */
public final class CommittingCollectSink<T> implements TwoPhaseCommitSink<T, CommittingCollectSink.Batch> {
    private static final Map<String, Registry> REGISTRIES = new ConcurrentHashMap<>();
    private final String id = UUID.randomUUID().toString();

    /** Records of one subtask between two barriers. */
    public record Batch(String uid, List<Object> records) implements Serializable {}

    private static final class Registry {
        final Set<String> done = ConcurrentHashMap.newKeySet();
        final List<Object> committed = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger failPrepares = new AtomicInteger();
        final AtomicInteger failCommits = new AtomicInteger();
        final AtomicInteger prepares = new AtomicInteger();
        volatile int failPrepareAt = -1;
    }

    public CommittingCollectSink() {
        REGISTRIES.put(id, new Registry());
    }

    private Registry registry() {
        Registry r = REGISTRIES.get(id);
        if (r == null) throw new IllegalStateException("CommittingCollectSink " + id + " was cleared");
        return r;
    }

    /** The next {@code n} commits throw. */
    public CommittingCollectSink<T> failCommits(int n) {
        registry().failCommits.set(n);
        return this;
    }

    /** Prepare number {@code k} (counted over all subtasks, from 1) throws, once. */
    public CommittingCollectSink<T> failPrepareAt(int k) {
        registry().failPrepareAt = k;
        return this;
    }

    @SuppressWarnings("unchecked")
    public List<T> committed() {
        Registry r = registry();
        synchronized (r.committed) {
            return (List<T>) new ArrayList<>(r.committed);
        }
    }

    public void clear() {
        REGISTRIES.remove(id);
    }

    @Override
    public CommittingSinkWriter<T, Batch> createWriter(SinkContext context) {
        Registry r = registry();
        return new CommittingSinkWriter<>() {
            private List<Object> open = new ArrayList<>();

            @Override
            public void write(T record, long timestamp) {
                open.add(record);
            }

            @Override
            public Collection<Batch> prepareCommit(long checkpointId) {
                int k = r.prepares.incrementAndGet();
                if (k == r.failPrepareAt) {
                    r.failPrepareAt = -1;
                    throw new IllegalStateException("injected failure in prepareCommit #" + k);
                }
                if (open.isEmpty()) return List.of();
                Batch b = new Batch(UUID.randomUUID().toString(), open);
                open = new ArrayList<>();
                return List.of(b);
            }
        };
    }

    @Override
    public Committer<Batch> createCommitter() {
        Registry r = registry();
        return new Committer<>() {
            @Override
            public void commit(Collection<Batch> committables) {
                if (r.failCommits.getAndUpdate(n -> Math.max(0, n - 1)) > 0) throw new IllegalStateException("injected failure in commit");
                synchronized (r.committed) {
                    for (Batch b : committables) if (r.done.add(b.uid())) r.committed.addAll(b.records());
                }
            }
        };
    }
}
