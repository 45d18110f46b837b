package io.runnel.runtime.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasklets on a fixed number of worker threads. Tasklets are dealt round-robin to workers;
 * a worker calls each of its tasklets in turn and backs off (spin, yield, park) only when none
 * made progress. The first failure cancels every worker; each worker closes its own tasklets.
 */
final class ExecutionService {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutionService.class);
    private final String jobName;
    private final List<List<Tasklet>> perWorker = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean cancelled;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private int running;

    ExecutionService(String jobName, List<Tasklet> tasklets, int threads) {
        this.jobName = jobName;
        int n = Math.max(1, Math.min(threads, tasklets.size()));
        for (int i = 0; i < n; i++) perWorker.add(new ArrayList<>());
        for (int i = 0; i < tasklets.size(); i++) perWorker.get(i % n).add(tasklets.get(i));
    }

    /** Starts the workers; the future completes when all have stopped (exceptionally on failure). */
    CompletableFuture<Void> start() {
        running = perWorker.size();
        for (int i = 0; i < perWorker.size(); i++) {
            List<Tasklet> mine = perWorker.get(i);
            Thread t = new Thread(() -> work(mine), "runnel-worker-" + i + " [" + jobName + "]");
            t.setDaemon(true);
            t.start();
        }
        return done;
    }

    void cancel() {
        cancelled = true;
    }

    /** Fails the job from outside the workers (the checkpoint coordinator could not commit). */
    void fail(Throwable cause) {
        failure.compareAndSet(null, cause);
        cancelled = true;
    }

    private void work(List<Tasklet> tasklets) {
        IdleStrategy idle = new BackoffIdleStrategy(100, 10, 1_000, 1_000_000);
        List<Tasklet> active = new ArrayList<>(tasklets);
        try {
            while (!active.isEmpty() && !cancelled) {
                boolean progress = false;
                for (int i = 0; i < active.size(); i++) {
                    Tasklet.Progress p = active.get(i).call();
                    if (p == Tasklet.Progress.DONE) {
                        active.remove(i--);
                        progress = true;
                    } else if (p == Tasklet.Progress.MADE_PROGRESS) {
                        progress = true;
                    }
                }
                if (progress) idle.reset();
                else idle.idle();
            }
        } catch (Throwable t) {
            if (failure.compareAndSet(null, t)) LOG.debug("job '{}' failed", jobName, t);
            cancelled = true;
        } finally {
            for (Tasklet t : tasklets) {
                try {
                    t.close();
                } catch (Throwable e) {
                    if (failure.get() == null) failure.compareAndSet(null, e);
                    else LOG.warn("closing {} failed after the job had failed", t.name(), e);
                }
            }
            finished();
        }
    }

    private synchronized void finished() {
        if (--running > 0) return;
        Throwable f = failure.get();
        if (f != null) done.completeExceptionally(f);
        else if (cancelled) done.completeExceptionally(new java.util.concurrent.CancellationException("job '" + jobName + "' was cancelled"));
        else done.complete(null);
    }
}
