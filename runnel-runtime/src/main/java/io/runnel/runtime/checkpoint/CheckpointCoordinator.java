package io.runnel.runtime.checkpoint;

import io.runnel.api.checkpoint.CheckpointConfig;
import io.runnel.api.checkpoint.CheckpointStats;
import io.runnel.api.connector.Committer;
import io.runnel.api.connector.TwoPhaseCommitSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Triggers checkpoints at the sources, collects the tasks' acknowledgements, writes the metadata
 * that makes a checkpoint complete, keeps the configured number of checkpoints (reference-counting
 * shared files), commits the sinks' committables and tells the tasks. Lives across restarts of one
 * job; each run of the tasks is an attempt, and messages of an earlier attempt are ignored.
 * Committables of aborted checkpoints are committed with the next one that completes; when an
 * attempt fails, whatever no completed checkpoint covers is aborted, since the sources replay it.
 * Tasks that finished keep acknowledging (with their final state) until every task has finished;
 * then the final checkpoint is taken at once, and its completion lets the tasks end. Checkpoints
 * that fail count against the tolerable failures; past them, and when the final checkpoint fails,
 * the job fails. The storage directory is locked for the coordinator's life.
 */
public final class CheckpointCoordinator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointCoordinator.class);
    private static final int HISTORY = 100;

    private final String jobName;
    private final CheckpointConfig config;
    private final CheckpointStorage storage;
    private final int maxParallelism;
    private final Map<String, TwoPhaseCommitSink<?, Object>> sinks;
    private final Consumer<Throwable> failJob;
    private final ScheduledExecutorService timer;
    private final ExecutorService io;
    private final Map<String, Committer<Object>> committers = new HashMap<>();

    private final TreeMap<Long, PendingCheckpoint> pending = new TreeMap<>();
    private final CarriedCommittables carried = new CarriedCommittables();
    private final CheckpointFailures failures;
    private final DirectoryLock lock;
    private final ArrayDeque<CheckpointStats> history = new ArrayDeque<>();
    private final ArrayDeque<Long> retained = new ArrayDeque<>();
    private final Map<Long, List<String>> sharedOf = new HashMap<>();
    private final Map<String, Integer> refCounts = new HashMap<>();

    private int attempt = -1;
    private List<CheckpointParticipant> participants = List.of();
    private int taskCount;
    private final Set<Integer> finishedTasks = new HashSet<>();
    private boolean running;
    private PendingCheckpoint finalCheckpoint;
    private long nextId = 1;
    private long lastTriggerMillis;
    private long lastCompletedMillis;
    private CheckpointMetadata latest;
    private Path latestDir;

    public CheckpointCoordinator(String jobName, CheckpointConfig config, CheckpointStorage storage, int maxParallelism,
                                 Map<String, TwoPhaseCommitSink<?, Object>> sinks, Consumer<Throwable> failJob) throws IOException {
        this.jobName = jobName;
        this.config = config;
        this.storage = storage;
        this.maxParallelism = maxParallelism;
        this.sinks = sinks;
        this.failJob = failJob;
        this.failures = new CheckpointFailures(config.tolerableFailures());
        this.lock = config.enabled() ? DirectoryLock.acquire(storage.root(), jobName) : null;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "runnel-checkpoint-coordinator [" + jobName + "]"));
        this.io = Executors.newSingleThreadExecutor(r -> daemon(r, "runnel-checkpoint-io [" + jobName + "]"));
        if (config.enabled()) {
            try {
                scanStorage();
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
            long tick = Math.max(1, Math.min(config.intervalMillis() / 4, 50));
            timer.scheduleAtFixedRate(this::tick, tick, tick, TimeUnit.MILLISECONDS);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** The executor on which tasks write their snapshots, in order. */
    public ExecutorService io() {
        return io;
    }

    public CheckpointStorage storage() {
        return storage;
    }

    /** Whether checkpoints may share files in the shared directory (incremental checkpoints). */
    public boolean incremental() {
        return config.incremental();
    }

    /** Existing checkpoints count as retained; incomplete ones and unreferenced shared files are garbage. */
    private void scanStorage() throws IOException {
        Files.createDirectories(storage.root());
        for (Path p : storage.incomplete()) CheckpointStorage.deleteRecursively(p);
        for (long id : storage.completed()) {
            try {
                CheckpointMetadata m = CheckpointStorage.readMetadata(storage.checkpointDir(id));
                addRetained(id, m.sharedFiles());
            } catch (IOException e) {
                LOG.warn("skipping unreadable checkpoint {}: {}", storage.checkpointDir(id), e.getMessage());
            }
            nextId = Math.max(nextId, id + 1);
        }
        Path shared = storage.sharedDir();
        if (Files.isDirectory(shared)) {
            try (var files = Files.list(shared)) {
                for (Path f : files.toList()) if (!refCounts.containsKey(f.getFileName().toString())) Files.deleteIfExists(f);
            }
        }
    }

    /** Continues numbering after a restored checkpoint or savepoint and commits its committables again. */
    public synchronized void restoredFrom(CheckpointMetadata meta, Path dir) throws Exception {
        nextId = Math.max(nextId, meta.id() + 1);
        latest = meta;
        latestDir = dir;
        Map<String, List<Object>> known = new LinkedHashMap<>(meta.committables());
        known.keySet().retainAll(sinks.keySet()); // others belong to sinks the job dropped (allowNonRestoredState)
        commit(known);
    }

    /** Starts a new attempt with these tasks; anything of the previous attempt is forgotten. */
    public synchronized void startAttempt(int attempt, List<CheckpointParticipant> participants) {
        this.attempt = attempt;
        this.participants = participants;
        this.taskCount = participants.size();
        this.running = true;
        this.finalCheckpoint = null;
        this.finishedTasks.clear();
        // as if the last checkpoint had been triggered so long ago that the first comes after its delay
        this.lastTriggerMillis = System.currentTimeMillis() - config.intervalMillis() + config.firstDelayMillis();
    }

    /** The attempt failed or ended: pending checkpoints are aborted, and uncommitted output with them. */
    public synchronized void stopAttempt(boolean failed) {
        running = false;
        for (PendingCheckpoint p : new ArrayList<>(pending.values())) abort(p, failed ? "the job failed" : "the job ended");
        if (failed) abortCommittables(carried.takeAll());
    }

    private void tick() {
        try {
            synchronized (this) {
                long now = System.currentTimeMillis();
                for (PendingCheckpoint p : new ArrayList<>(pending.values())) {
                    // the final checkpoint is what lets a finished job end: it is awaited (a job waiting
                    // for it can be cancelled), and fails the job only when a task declines it
                    if (!p.isFinal && now - p.triggerMillis > config.timeoutMillis()) fail(p, "timed out after " + config.timeoutMillis() + " ms");
                }
                if (!running) return;
                IllegalStateException tooOld = carried.checkAge(sinks, now);
                if (tooOld != null) {
                    failJob.accept(tooOld);
                    return;
                }
                if (finalCheckpoint != null) return;
                if (pending.size() >= config.maxConcurrent()) return;
                if (now - lastTriggerMillis < config.intervalMillis()) return;
                if (now - lastCompletedMillis < config.minPauseMillis()) return;
                trigger(false, false, null);
            }
        } catch (Throwable t) {
            LOG.warn("checkpoint trigger failed", t);
        }
    }

    private PendingCheckpoint trigger(boolean savepoint, boolean isFinal, Path savepointParent) throws IOException {
        long id = nextId++;
        Path dir = savepoint ? savepointParent.resolve("savepoint-" + id + "-" + UUID.randomUUID().toString().substring(0, 8))
                : storage.checkpointDir(id);
        CheckpointStorage.deleteRecursively(dir);
        Files.createDirectories(dir);
        if (!savepoint) Files.createDirectories(storage.sharedDir());
        long now = System.currentTimeMillis();
        lastTriggerMillis = now;
        PendingCheckpoint p = new PendingCheckpoint(id, savepoint, isFinal, dir, now);
        pending.put(id, p);
        for (CheckpointParticipant t : participants) if (t.isSource()) t.triggerCheckpoint(id, savepoint);
        return p;
    }

    /** Takes a savepoint into a new directory under {@code parent}; completes with its path. */
    public synchronized CompletableFuture<String> triggerSavepoint(Path parent) {
        if (!running) return CompletableFuture.failedFuture(new IllegalStateException("job '" + jobName + "' is not running"));
        if (finalCheckpoint != null) {
            return CompletableFuture.failedFuture(new IllegalStateException("job '" + jobName + "' is finishing: all its tasks have ended"));
        }
        try {
            return trigger(true, false, parent).completion;
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new IOException("cannot create a savepoint under " + parent + ": " + e.getMessage(), e));
        }
    }

    /** Where a task writes its part of checkpoint {@code id}; null if the checkpoint is no longer pending. */
    public synchronized Path directoryOf(int attempt, long id) {
        if (attempt != this.attempt) return null;
        PendingCheckpoint p = pending.get(id);
        return p == null ? null : p.dir;
    }

    /**
     * Task {@code taskIndex} reached the end of its input and flushed its output; it goes on
     * acknowledging checkpoints. Once every task has finished, the final checkpoint starts at once.
     */
    public synchronized void taskFinished(int attempt, int taskIndex) {
        if (attempt != this.attempt || !running) return;
        finishedTasks.add(taskIndex);
        if (finishedTasks.size() < taskCount || finalCheckpoint != null) return;
        try {
            finalCheckpoint = trigger(false, true, null);
        } catch (IOException e) {
            failJob.accept(new IllegalStateException("could not start the final checkpoint of job '" + jobName + "': " + e, e));
        }
    }

    /** A sink's committables, handed over at the barrier (before the state is written). */
    public synchronized void addCommittables(int attempt, long id, String opId, List<Object> c) {
        if (c.isEmpty()) return;
        PendingCheckpoint p = attempt == this.attempt ? pending.get(id) : null;
        if (p != null) p.addCommittables(opId, c);
        else if (attempt == this.attempt && running) carried.add(opId, c, id, System.currentTimeMillis());
        else abortCommittables(Map.of(opId, c));
    }

    public synchronized void acknowledge(int attempt, long id, int taskIndex, TaskAck ack) {
        if (attempt != this.attempt) return;
        PendingCheckpoint p = pending.get(id);
        if (p == null) return;
        p.acks.put(taskIndex, ack);
        if (p.acks.size() == taskCount) complete(p);
    }

    public synchronized void decline(int attempt, long id, Throwable cause) {
        if (attempt != this.attempt) return;
        PendingCheckpoint p = pending.get(id);
        if (p == null) return;
        fail(p, "a task declined: " + cause);
    }

    private void complete(PendingCheckpoint p) {
        // older pending checkpoints are subsumed: their committables are committed with this one
        for (PendingCheckpoint o : new ArrayList<>(pending.headMap(p.id).values())) abort(o, "subsumed by " + p.id);
        pending.remove(p.id);
        Map<String, List<Object>> commit = carried.takeAll();
        p.committables.forEach((k, v) -> commit.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        Map<String, CheckpointMetadata.OperatorEntry> ops = new LinkedHashMap<>();
        Map<String, List<Object>> splits = new LinkedHashMap<>();
        Set<String> shared = new HashSet<>();
        long full = 0, inc = 0, align = 0;
        for (TaskAck a : p.acks.values()) {
            for (Map.Entry<String, Integer> e : a.parallelism().entrySet()) {
                CheckpointMetadata.OperatorEntry entry = ops.computeIfAbsent(e.getKey(), k -> {
                    List<String> files = new ArrayList<>();
                    for (int i = 0; i < e.getValue(); i++) files.add(null);
                    return new CheckpointMetadata.OperatorEntry(e.getValue(), files);
                });
                String f = a.files().get(e.getKey());
                if (f != null) entry.files().set(a.subtask(), f);
            }
            a.splits().forEach((k, v) -> splits.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
            shared.addAll(a.sharedFiles());
            full += a.fullBytes();
            inc += a.incrementalBytes();
            align = Math.max(align, a.alignmentNanos());
        }
        long now = System.currentTimeMillis();
        CheckpointMetadata meta = new CheckpointMetadata(p.id, p.savepoint, p.isFinal, now, jobName, maxParallelism, ops, splits,
                commit, new ArrayList<>(shared));
        try {
            CheckpointStorage.writeMetadata(p.dir, meta);
        } catch (IOException e) {
            carried.addAll(commit, p.id, p.triggerMillis);
            p.committables.clear();
            fail(p, "could not write metadata: " + e);
            return;
        }
        if (!p.savepoint) failures.succeeded();
        latest = meta;
        latestDir = p.dir;
        lastCompletedMillis = now;
        if (!p.savepoint) {
            addRetained(p.id, meta.sharedFiles());
            pruneRetained();
        }
        record(new CheckpointStats(p.id, CheckpointStats.Status.COMPLETED, p.savepoint, p.triggerMillis, now - p.triggerMillis,
                align / 1_000_000, full, inc, p.dir.toString(), null));
        LOG.debug("checkpoint {} of '{}' complete in {} ms", p.id, jobName, now - p.triggerMillis);
        try {
            commit(commit);
        } catch (Exception e) {
            // the attempt fails and the next one commits this checkpoint again; a job whose tasks
            // already finished learns of it through the final checkpoint
            IllegalStateException failure = new IllegalStateException("committing checkpoint " + p.id + " failed: " + e, e);
            p.completion.completeExceptionally(failure);
            failJob.accept(failure);
            return;
        }
        for (CheckpointParticipant t : participants) t.notifyCheckpointComplete(p.id);
        if (p.isFinal) {
            for (CheckpointParticipant t : participants) t.jobFinished();
        }
        p.completion.complete(p.dir.toString());
    }

    /**
     * Checkpoint {@code p} cannot complete: it is visible as FAILED (and a WARN line); the job fails
     * when it was the final checkpoint, or when more checkpoints failed in a row than tolerated.
     */
    private void fail(PendingCheckpoint p, String reason) {
        String what = p.isFinal ? "final checkpoint" : p.savepoint ? "savepoint" : "checkpoint";
        LOG.warn("{} {} of '{}' failed: {}", what, p.id, jobName, reason);
        end(p, CheckpointStats.Status.FAILED, reason);
        if (p.isFinal) {
            failJob.accept(new IllegalStateException("the final checkpoint " + p.id + " of job '" + jobName + "' failed: " + reason));
        } else if (!p.savepoint) {
            IllegalStateException tooMany = failures.failed(p.id, reason);
            if (tooMany != null) failJob.accept(tooMany);
        }
    }

    /** Checkpoint {@code p} is given up for no fault of its own (subsumed, the job failed or ended). */
    private void abort(PendingCheckpoint p, String reason) {
        LOG.info("{} {} of '{}' aborted: {}", p.savepoint ? "savepoint" : "checkpoint", p.id, jobName, reason);
        end(p, CheckpointStats.Status.ABORTED, reason);
    }

    private void end(PendingCheckpoint p, CheckpointStats.Status status, String reason) {
        pending.remove(p.id);
        if (running) carried.addAll(p.committables, p.id, p.triggerMillis);
        else abortCommittables(p.committables);
        long now = System.currentTimeMillis();
        record(new CheckpointStats(p.id, status, p.savepoint, p.triggerMillis, now - p.triggerMillis,
                0, 0, 0, p.dir.toString(), reason));
        p.completion.completeExceptionally(new IllegalStateException((p.savepoint ? "savepoint " : "checkpoint ") + p.id + " "
                + status.name().toLowerCase() + ": " + reason));
        io.execute(() -> {
            try {
                CheckpointStorage.deleteRecursively(p.dir);
            } catch (IOException e) {
                LOG.warn("could not delete aborted checkpoint {}: {}", p.dir, e.getMessage());
            }
        });
    }

    private void addRetained(long id, List<String> shared) {
        retained.addLast(id);
        sharedOf.put(id, shared);
        for (String f : shared) refCounts.merge(f, 1, Integer::sum);
    }

    private void pruneRetained() {
        while (retained.size() > config.retained()) {
            long old = retained.pollFirst();
            List<String> shared = sharedOf.remove(old);
            List<Path> unused = new ArrayList<>();
            if (shared != null) {
                for (String f : shared) {
                    if (refCounts.merge(f, -1, Integer::sum) <= 0) {
                        refCounts.remove(f);
                        unused.add(storage.sharedDir().resolve(f));
                    }
                }
            }
            Path dir = storage.checkpointDir(old);
            io.execute(() -> {
                try {
                    CheckpointStorage.deleteRecursively(dir);
                    for (Path f : unused) Files.deleteIfExists(f);
                } catch (IOException e) {
                    LOG.warn("could not delete old checkpoint {}: {}", dir, e.getMessage());
                }
            });
        }
    }

    /** Commits every sink's committables; one sink failing does not keep the others from committing. */
    private void commit(Map<String, List<Object>> committables) throws Exception {
        Exception first = null;
        for (Map.Entry<String, List<Object>> e : committables.entrySet()) {
            if (e.getValue().isEmpty()) continue;
            try {
                committer(e.getKey()).commit(e.getValue());
            } catch (Exception ex) {
                if (first == null) first = ex;
                else first.addSuppressed(ex);
            }
        }
        if (first != null) throw first;
    }

    private void abortCommittables(Map<String, List<Object>> committables) {
        for (Map.Entry<String, List<Object>> e : committables.entrySet()) {
            if (e.getValue().isEmpty()) continue;
            try {
                committer(e.getKey()).abort(e.getValue());
            } catch (Exception ex) {
                LOG.warn("aborting uncommitted output of sink '{}' failed: {}", e.getKey(), ex.toString());
            }
        }
    }

    private Committer<Object> committer(String opId) throws Exception {
        Committer<Object> c = committers.get(opId);
        if (c == null) {
            TwoPhaseCommitSink<?, Object> sink = sinks.get(opId);
            if (sink == null) throw new IllegalStateException("the checkpoint holds committables of sink '" + opId + "', which the job no longer has");
            c = sink.createCommitter();
            committers.put(opId, c);
        }
        return c;
    }

    private void record(CheckpointStats s) {
        history.addLast(s);
        while (history.size() > HISTORY) history.pollFirst();
    }

    public synchronized List<CheckpointStats> stats() {
        List<CheckpointStats> out = new ArrayList<>(history);
        long now = System.currentTimeMillis();
        for (PendingCheckpoint p : pending.values()) {
            out.add(new CheckpointStats(p.id, CheckpointStats.Status.IN_PROGRESS, p.savepoint, p.triggerMillis, now - p.triggerMillis,
                    0, 0, 0, p.dir.toString(), null));
        }
        return out;
    }

    /** The newest completed checkpoint (or the one restored from), and its directory; null before any. */
    public synchronized CheckpointMetadata latest() {
        return latest;
    }

    public synchronized Path latestDir() {
        return latestDir;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        io.shutdown();
        try {
            // writes of a cancelled or failed job may hang (a stuck disk, a sink's state): they are
            // interrupted after a grace period; state backends still waiting to close, close here
            if (!io.awaitTermination(2, TimeUnit.SECONDS)) {
                for (Runnable r : io.shutdownNow()) r.run();
                io.awaitTermination(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (lock != null) {
            try {
                lock.close();
            } catch (IOException e) {
                LOG.warn("could not release the lock of {}: {}", storage.root(), e.toString());
            }
        }
        synchronized (this) {
            for (Committer<Object> c : committers.values()) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.warn("closing a committer failed: {}", e.toString());
                }
            }
            committers.clear();
        }
    }
}
