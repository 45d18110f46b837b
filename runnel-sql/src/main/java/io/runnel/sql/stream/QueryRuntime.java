package io.runnel.sql.stream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a running query's sink writer shares with its handle in the process: the target its batches go to and the
 * progress of its triggers. Known by the query's id, since the writer is made from a copy of the sink.
 */
final class QueryRuntime {
    private static final Map<String, QueryRuntime> RUNNING = new ConcurrentHashMap<>();
    final BatchTarget target;
    private volatile QueryProgress last;
    private volatile long lastTriggerNanos = System.nanoTime();
    private volatile boolean triggerActive;

    private QueryRuntime(BatchTarget target) {
        this.target = target;
    }

    static QueryRuntime register(String id, BatchTarget target) {
        QueryRuntime r = new QueryRuntime(target);
        RUNNING.put(id, r);
        return r;
    }

    static QueryRuntime of(String id) {
        QueryRuntime r = RUNNING.get(id);
        if (r == null) {
            throw new IllegalStateException("streaming query " + id + " is not running in this process");
        }
        return r;
    }

    static void forget(String id) {
        RUNNING.remove(id);
    }

    /** Writes one batch and records its progress: {@code changesIn} result changes reached the sink since the last one. */
    void deliver(Batch batch, long batchId, long changesIn) throws Exception {
        long start = System.nanoTime();
        triggerActive = true;
        try {
            target.batch(batch, batchId);
        } finally {
            triggerActive = false;
        }
        long end = System.nanoTime();
        double sinceLast = Math.max(1e-9, (end - lastTriggerNanos) / 1e9);
        double took = Math.max(1e-9, (end - start) / 1e9);
        last = new QueryProgress(batchId, System.currentTimeMillis(), changesIn, changesIn / sinceLast, changesIn / Math.max(took, sinceLast),
                Math.round(took * 1000), batch.count());
        lastTriggerNanos = end;
    }

    QueryProgress lastProgress() {
        return last;
    }

    boolean triggerActive() {
        return triggerActive;
    }
}
