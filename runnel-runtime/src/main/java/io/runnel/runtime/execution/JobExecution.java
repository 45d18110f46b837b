package io.runnel.runtime.execution;

import io.runnel.api.JobResult;
import io.runnel.api.StreamJob;
import io.runnel.api.checkpoint.CheckpointStats;
import io.runnel.api.checkpoint.RestartStrategy;
import io.runnel.api.connector.TwoPhaseCommitSink;
import io.runnel.api.graph.SinkTransformation;
import io.runnel.runtime.checkpoint.CheckpointCoordinator;
import io.runnel.runtime.checkpoint.CheckpointMetadata;
import io.runnel.runtime.checkpoint.CheckpointStorage;
import io.runnel.runtime.checkpoint.NonRestoredState;
import io.runnel.runtime.checkpoint.Restore;
import io.runnel.runtime.operators.ProcessingClock;
import io.runnel.runtime.plan.JobPlan;
import io.runnel.runtime.plan.PlanNode;
import io.runnel.runtime.state.StateBackends;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job's life in this JVM: attempts of its tasks, each built fresh and, after a failure,
 * restored from the latest completed checkpoint under the restart strategy. Runs on its own
 * thread; the result completes when the last attempt ends (after its final checkpoint).
 */
final class JobExecution {
    private static final Logger LOG = LoggerFactory.getLogger(JobExecution.class);
    private final StreamJob job;
    private final CompletableFuture<JobResult> result = new CompletableFuture<>();
    private final List<Long> recoveries = new ArrayList<>();
    private volatile ExecutionService current;
    /** The running attempt's tasks, for live counts. */
    private volatile TaskBuilder running;
    private volatile CheckpointCoordinator coordinator;
    private volatile boolean cancelled;
    private volatile int restarts;

    JobExecution(StreamJob job) {
        this.job = job;
    }

    CompletableFuture<JobResult> result() {
        return result;
    }

    void start() {
        // planning and set-up errors surface to the caller at once, as before restarts existed
        JobPlan plan = JobPlan.of(job);
        Thread t = new Thread(() -> run(plan), "runnel-job [" + job.name() + "]");
        t.setDaemon(true);
        t.start();
    }

    void cancel() {
        cancelled = true;
        ExecutionService s = current;
        if (s != null) s.cancel();
    }

    int restarts() {
        return restarts;
    }

    synchronized List<Long> recoveryMillis() {
        return List.copyOf(recoveries);
    }

    List<CheckpointStats> checkpointStats() {
        CheckpointCoordinator c = coordinator;
        return c == null ? List.of() : c.stats();
    }

    CompletableFuture<String> triggerSavepoint(Path dir) {
        CheckpointCoordinator c = coordinator;
        if (c == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("job '" + job.name()
                    + "' runs without checkpointing: enable it (enableCheckpointing) to take savepoints"));
        }
        return c.triggerSavepoint(dir);
    }

    private void run(JobPlan plan) {
        long startMillis = System.currentTimeMillis();
        RestartStrategy restart = job.restartStrategy();
        StateBackends backends;
        Restore restore;
        try {
            backends = StateBackends.byName(job.stateBackend(), Path.of(System.getProperty("java.io.tmpdir"), "runnel-state"))
                    // without checkpoints nothing would read the heap's change logs
                    .withHeapMaxDeltas(job.checkpoints().enabled() && job.checkpoints().incremental() ? job.checkpoints().maxDeltas() : 0);
            CheckpointStorage storage = new CheckpointStorage(storageDir());
            if (job.checkpoints().enabled() || job.restoreFrom() != null) {
                coordinator = new CheckpointCoordinator(job.name(), job.checkpoints(), storage, job.maxParallelism(),
                        twoPhaseSinks(plan), this::failCurrent);
            }
            restore = null;
            Path from = storage.resolveRestore(job.restoreFrom());
            if (from != null) {
                CheckpointMetadata meta = CheckpointStorage.readMetadata(from);
                if (meta.maxParallelism() != job.maxParallelism()) {
                    throw new IllegalStateException("cannot restore " + from + ": it has " + meta.maxParallelism()
                            + " key groups (max parallelism) and the job " + job.maxParallelism());
                }
                java.util.Set<String> ids = new java.util.HashSet<>();
                for (PlanNode n : plan.nodes()) ids.add(n.operatorId());
                java.util.Set<String> unmatched = NonRestoredState.of(meta, ids);
                if (!unmatched.isEmpty()) {
                    if (!job.checkpoints().allowNonRestoredState()) throw NonRestoredState.error(from, unmatched);
                    LOG.warn("job '{}' restores from {} without the state of operator(s) {}, which it does not have"
                            + " (allowNonRestoredState)", job.name(), from, unmatched);
                }
                restore = new Restore(meta, from);
                coordinator.restoredFrom(meta, from);
                LOG.info("job '{}' restores from {} (checkpoint {})", job.name(), from, meta.id());
            }
        } catch (Throwable e) {
            finish(null, e);
            return;
        }
        int attempt = 0;
        long failedAt = 0;
        while (true) {
            AtomicLong firstRecord = new AtomicLong();
            TaskBuilder builder = new TaskBuilder(plan, ProcessingClock.SYSTEM, firstRecord).stateBackends(backends).restoreFrom(restore);
            if (coordinator != null) builder.checkpointing(job.checkpoints().enabled() ? coordinator : null, attempt);
            Throwable failure;
            List<Tasklet> tasks;
            try {
                tasks = builder.build();
            } catch (Throwable e) {
                // a job that cannot be set up will not get better by restarting
                if (coordinator != null) coordinator.stopAttempt(true);
                finish(null, e instanceof RuntimeException ? e : new IllegalStateException("could not set up job '" + job.name() + "': " + e, e));
                return;
            }
            try {
                if (attempt > 0 && restore != null) {
                    // the restored checkpoint's output is committed again (idempotently): its commit may have failed
                    coordinator.restoredFrom(restore.metadata(), restore.dir());
                }
                ExecutionService service = new ExecutionService(job.name(), tasks, job.workerThreads());
                if (coordinator != null && job.checkpoints().enabled()) coordinator.startAttempt(attempt, builder.participants);
                current = service;
                running = builder;
                if (cancelled) service.cancel();
                if (failedAt != 0) watchRecovery(firstRecord, failedAt);
                // with checkpoints, tasks end only once the final checkpoint completed (or the job fails or is cancelled)
                service.start().get();
                if (coordinator != null && job.checkpoints().enabled()) coordinator.stopAttempt(false);
                finish(jobResult(builder, tasks, startMillis, firstRecord), null);
                return;
            } catch (ExecutionException e) {
                failure = e.getCause() instanceof CompletionException && e.getCause().getCause() != null ? e.getCause().getCause() : e.getCause();
            } catch (Throwable e) {
                failure = e;
            }
            if (coordinator != null) coordinator.stopAttempt(true);
            if (cancelled || failure instanceof CancellationException || attempt >= restart.maxAttempts()) {
                finish(null, failure);
                return;
            }
            failedAt = System.nanoTime();
            attempt++;
            restarts = attempt;
            long delay = restart.delayMillis(attempt);
            LOG.warn("job '{}' failed; restart {} in {} ms from {}: {}", job.name(), attempt, delay,
                    coordinator != null && coordinator.latest() != null ? "checkpoint " + coordinator.latest().id() : "the beginning",
                    failure.toString());
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                finish(null, failure);
                return;
            }
            if (coordinator != null && coordinator.latest() != null) restore = new Restore(coordinator.latest(), coordinator.latestDir());
        }
    }

    private void failCurrent(Throwable cause) {
        ExecutionService s = current;
        if (s != null) s.fail(cause);
    }

    /** Records the time from the failure to the first record the new attempt reads. */
    private void watchRecovery(AtomicLong firstRecord, long failedAt) {
        Thread t = new Thread(() -> {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (firstRecord.get() == 0 && System.nanoTime() < deadline && !result.isDone()) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
            if (firstRecord.get() != 0) {
                synchronized (this) {
                    recoveries.add((firstRecord.get() - failedAt) / 1_000_000);
                }
            }
        }, "runnel-recovery-watch");
        t.setDaemon(true);
        t.start();
    }

    private void finish(JobResult r, Throwable failure) {
        CheckpointCoordinator c = coordinator;
        if (c != null) c.close();
        if (failure != null) result.completeExceptionally(failure);
        else result.complete(r);
    }

    private Path storageDir() {
        String dir = job.checkpoints().directory();
        if (dir != null) return Path.of(dir);
        String safe = job.name().replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "runnel-checkpoints", safe);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, TwoPhaseCommitSink<?, Object>> twoPhaseSinks(JobPlan plan) {
        Map<String, TwoPhaseCommitSink<?, Object>> out = new HashMap<>();
        for (PlanNode n : plan.nodes()) {
            if (n.transformation instanceof SinkTransformation st && st.sink() instanceof TwoPhaseCommitSink<?, ?> s) {
                out.put(n.operatorId(), (TwoPhaseCommitSink<?, Object>) Copies.deepCopy(s));
            }
        }
        return out;
    }

    /**
     * Records each source has emitted so far in the running attempt, by source name (a restart counts afresh). Read
     * while the tasks write them: a figure may be a little behind.
     */
    public Map<String, Long> sourceRecordsNow() {
        TaskBuilder b = running;
        Map<String, Long> out = new LinkedHashMap<>();
        if (b != null) {
            for (SourceTask<?> t : b.sourceTasks) out.merge(b.sourceNames.get(t), t.recordsOut(), Long::sum);
        }
        return out;
    }

    private JobResult jobResult(TaskBuilder builder, List<Tasklet> tasks, long startMillis, AtomicLong firstRecord) {
        long end = System.nanoTime();
        Map<String, Long> out = new LinkedHashMap<>();
        for (SourceTask<?> t : builder.sourceTasks) out.merge(builder.sourceNames.get(t), t.recordsOut(), Long::sum);
        Map<String, Long> in = new LinkedHashMap<>();
        for (Tasklet t : tasks) {
            List<String> sinks = builder.sinkNames.get(t);
            if (sinks.isEmpty()) continue;
            List<Long> n = t instanceof StreamTask s ? s.sinkRecords() : ((SourceTask<?>) t).sinkRecords();
            for (int i = 0; i < sinks.size() && i < n.size(); i++) {
                in.merge(sinks.get(i), n.get(i), Long::sum); // per sink, also when sinks share a chain
            }
        }
        return new JobResult(job.name(), System.currentTimeMillis() - startMillis, firstRecord.get(), end, out, in);
    }
}
