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
    /** The progress of the most recent triggers, as Spark keeps {@code spark.sql.streaming.numRecentProgressUpdates}. */
    private final java.util.ArrayDeque<QueryProgress> recent = new java.util.ArrayDeque<>();
    static final int RECENT = 100;
    private volatile long lastTriggerNanos = System.nanoTime();
    private volatile boolean triggerActive;
    /** The rows the query's sources have read so far, once its job runs. */
    private volatile java.util.function.LongSupplier inputRows = () -> 0;
    private long lastInputRows;

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

    /** Where the rows the sources read are counted. */
    void inputRows(java.util.function.LongSupplier rows) {
        this.inputRows = rows;
    }

    /**
     * Writes one batch and records its progress: the rows the sources read since the last trigger and their rates (a
     * restart counts afresh, so a first trigger after one may count fewer).
     */
    void deliver(Batch batch, long batchId) throws Exception {
        long start = System.nanoTime();
        triggerActive = true;
        try {
            target.batch(batch, batchId);
        } finally {
            triggerActive = false;
        }
        long end = System.nanoTime();
        long read = inputRows.getAsLong();
        long changesIn = Math.max(0, read - lastInputRows);
        lastInputRows = read;
        double sinceLast = Math.max(1e-9, (end - lastTriggerNanos) / 1e9);
        double took = Math.max(1e-9, (end - start) / 1e9);
        last = new QueryProgress(batchId, System.currentTimeMillis(), changesIn, changesIn / sinceLast, changesIn / Math.max(took, sinceLast),
                Math.round(took * 1000), batch.count());
        synchronized (recent) {
            if (recent.size() == RECENT) {
                recent.removeFirst();
            }
            recent.addLast(last);
        }
        lastTriggerNanos = end;
    }

    QueryProgress lastProgress() {
        return last;
    }

    java.util.List<QueryProgress> recentProgress() {
        synchronized (recent) {
            return java.util.List.copyOf(recent);
        }
    }

    boolean triggerActive() {
        return triggerActive;
    }
}
