package io.runnel.api.checkpoint;

import java.io.Serializable;
import java.time.Duration;

/**
 * How a job checkpoints. Checkpointing is off while the interval is zero. Defaults follow Flink:
 * exactly-once, 10 minute timeout, no minimum pause, one checkpoint at a time, one retained, no
 * failed checkpoint tolerated (Flink's {@code execution.checkpointing.tolerable-failed-checkpoints}
 * is 0 by default), and a restore refuses state for operators the job no longer has.
 */
public final class CheckpointConfig implements Serializable {
    private long intervalMillis;
    private CheckpointingMode mode = CheckpointingMode.EXACTLY_ONCE;
    private long timeoutMillis = Duration.ofMinutes(10).toMillis();
    private long minPauseMillis;
    private int maxConcurrent = 1;
    private int retained = 1;
    private String directory;
    private boolean unaligned;
    private long alignedTimeoutMillis;
    private int tolerableFailures;
    private boolean allowNonRestoredState;
    private boolean incremental = true;
    private int maxDeltas = 32;
    private long firstDelayMillis = DEFAULT_FIRST_DELAY_MILLIS;

    /** The default delay of an attempt's first checkpoint (capped by the interval). */
    public static final long DEFAULT_FIRST_DELAY_MILLIS = 100;

    public boolean enabled() {
        return intervalMillis > 0;
    }

    public long intervalMillis() {
        return intervalMillis;
    }

    public CheckpointConfig setInterval(Duration interval) {
        if (interval.isNegative()) throw new IllegalArgumentException("checkpoint interval must not be negative, got " + interval);
        this.intervalMillis = interval.toMillis();
        return this;
    }

    public CheckpointingMode mode() {
        return mode;
    }

    public CheckpointConfig setMode(CheckpointingMode mode) {
        this.mode = java.util.Objects.requireNonNull(mode, "mode");
        return this;
    }

    public long timeoutMillis() {
        return timeoutMillis;
    }

    /** A checkpoint not complete after this long is aborted (the job goes on). */
    public CheckpointConfig setTimeout(Duration timeout) {
        if (timeout.toMillis() <= 0) throw new IllegalArgumentException("checkpoint timeout must be positive, got " + timeout);
        this.timeoutMillis = timeout.toMillis();
        return this;
    }

    public long minPauseMillis() {
        return minPauseMillis;
    }

    /** The least time between the end of one checkpoint and the start of the next. */
    public CheckpointConfig setMinPause(Duration pause) {
        if (pause.isNegative()) throw new IllegalArgumentException("minimum pause must not be negative, got " + pause);
        this.minPauseMillis = pause.toMillis();
        return this;
    }

    public int maxConcurrent() {
        return maxConcurrent;
    }

    public CheckpointConfig setMaxConcurrent(int n) {
        if (n < 1) throw new IllegalArgumentException("max concurrent checkpoints must be at least 1, got " + n);
        this.maxConcurrent = n;
        return this;
    }

    public int retained() {
        return retained;
    }

    /** How many completed checkpoints are kept on disk; older ones are deleted. */
    public CheckpointConfig setRetained(int n) {
        if (n < 1) throw new IllegalArgumentException("retained checkpoints must be at least 1, got " + n);
        this.retained = n;
        return this;
    }

    /** The storage directory, or null for a directory under java.io.tmpdir named after the job. */
    public String directory() {
        return directory;
    }

    public CheckpointConfig setDirectory(String directory) {
        this.directory = directory;
        return this;
    }

    public boolean unalignedEnabled() {
        return unaligned;
    }

    /**
     * Unaligned checkpoints (Flink's {@code execution.checkpointing.unaligned.enabled}): in
     * exactly-once mode a task snapshots as soon as the first barrier reaches it, barriers overtake
     * the records queued before them, and those records are stored with the checkpoint and replayed
     * on restore. Checkpoints then take about as long under backpressure as without it, at the cost
     * of storing in-flight data. Savepoints stay aligned. Records must be serializable.
     */
    public CheckpointConfig enableUnalignedCheckpoints(boolean enabled) {
        this.unaligned = enabled;
        return this;
    }

    public long alignedCheckpointTimeoutMillis() {
        return alignedTimeoutMillis;
    }

    /**
     * With unaligned checkpoints on: start each checkpoint aligned and switch a task to unaligned
     * when its alignment has lasted this long (Flink's
     * {@code execution.checkpointing.aligned-checkpoint-timeout}); zero, the default, is unaligned
     * from the start.
     */
    public CheckpointConfig setAlignedCheckpointTimeout(Duration timeout) {
        if (timeout.isNegative()) throw new IllegalArgumentException("aligned checkpoint timeout must not be negative, got " + timeout);
        this.alignedTimeoutMillis = timeout.toMillis();
        return this;
    }

    public int tolerableFailures() {
        return tolerableFailures;
    }

    /**
     * How many checkpoints in a row may fail (time out, be declined by a task, fail to be written)
     * before the job fails and restarts under its restart strategy. 0, the default as in Flink,
     * fails the job on the first failed checkpoint; {@link Integer#MAX_VALUE} tolerates any number.
     * Savepoints and checkpoints aborted because a newer one completed or the job ended do not count.
     */
    public CheckpointConfig setTolerableFailures(int n) {
        if (n < 0) throw new IllegalArgumentException("tolerable checkpoint failures must not be negative, got " + n);
        this.tolerableFailures = n;
        return this;
    }

    public boolean allowNonRestoredState() {
        return allowNonRestoredState;
    }

    /**
     * Whether a restore may skip state of operators (by uid) the job no longer has. Off by default:
     * such a restore fails, naming the operators, since their state would be silently dropped.
     */
    public CheckpointConfig setAllowNonRestoredState(boolean allow) {
        this.allowNonRestoredState = allow;
        return this;
    }

    public boolean incremental() {
        return incremental;
    }

    /**
     * Whether checkpoints write only what changed since the previous one (on by default, as
     * Flink's {@code execution.checkpointing.incremental} for RocksDB): the heap backend writes
     * per key group a base and then deltas into the shared directory, RocksDB shares its SST
     * files. Off, every checkpoint is self-contained, as a savepoint. Savepoints are always full.
     */
    public CheckpointConfig setIncremental(boolean incremental) {
        this.incremental = incremental;
        return this;
    }

    public int maxDeltas() {
        return maxDeltas;
    }

    /**
     * With incremental checkpoints on the heap backend: how many deltas a key group may chain on
     * its base before it writes a base again (between half and all of this, so groups take turns),
     * bounding restore time and disk use. A group also writes a base when its deltas hold more
     * entries than it does. 32 by default.
     */
    public CheckpointConfig setMaxDeltas(int n) {
        if (n < 1) throw new IllegalArgumentException("max deltas must be at least 1, got " + n);
        this.maxDeltas = n;
        return this;
    }

    public long firstDelayMillis() {
        return Math.min(firstDelayMillis, intervalMillis);
    }

    /**
     * How soon after the job (or a restart of it) starts the first checkpoint is taken; the
     * interval applies from then on. 100 ms by default, at most the interval. Early, the state is
     * small, so the first checkpoint is cheap, and the code a checkpoint runs (barriers, copy on
     * write) is compiled with the job's hot loop from the start: a first checkpoint that comes
     * only after the loop was compiled without those paths makes the JIT throw the compiled loop
     * away and compile it again (q5 kept 6 % more throughput with checkpoints every second).
     * Flink also starts earlier than the interval (at a random delay within it).
     */
    public CheckpointConfig setFirstDelay(Duration delay) {
        if (delay.isNegative()) throw new IllegalArgumentException("first checkpoint delay must not be negative, got " + delay);
        this.firstDelayMillis = delay.toMillis();
        return this;
    }

    /** A copy, so a submitted job does not see later changes. */
    public CheckpointConfig copy() {
        CheckpointConfig c = new CheckpointConfig();
        c.intervalMillis = intervalMillis;
        c.mode = mode;
        c.timeoutMillis = timeoutMillis;
        c.minPauseMillis = minPauseMillis;
        c.maxConcurrent = maxConcurrent;
        c.retained = retained;
        c.directory = directory;
        c.unaligned = unaligned;
        c.alignedTimeoutMillis = alignedTimeoutMillis;
        c.tolerableFailures = tolerableFailures;
        c.allowNonRestoredState = allowNonRestoredState;
        c.incremental = incremental;
        c.maxDeltas = maxDeltas;
        c.firstDelayMillis = firstDelayMillis;
        return c;
    }
}
