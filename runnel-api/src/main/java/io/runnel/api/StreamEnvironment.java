package io.runnel.api;

import io.runnel.api.connector.Source;
import io.runnel.api.graph.SinkTransformation;
import io.runnel.api.graph.SourceTransformation;
import io.runnel.api.graph.Transformation;
import io.runnel.api.time.WatermarkStrategy;
import io.runnel.api.checkpoint.CheckpointConfig;
import io.runnel.api.checkpoint.RestartStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Where a job is built and from where it runs. Create sources, transform the streams, add sinks,
 * then {@link #execute} (blocks) or {@link #executeAsync} (returns a {@link JobClient}).
 *
 * <pre>{@code
 * StreamEnvironment env = StreamEnvironment.create();
 * env.fromElements("a b", "b c").flatMap(Words::split).keyBy(w -> w).process(new Count()).print();
 * env.execute("word count");
 * }</pre>
 */
public final class StreamEnvironment {
    /** The default number of key groups, the most parallel instances a keyed operator can have. */
    public static final int DEFAULT_MAX_PARALLELISM = 128;

    private final List<Transformation> sinks = new ArrayList<>();
    private int nextId;
    private int parallelism = Runtime.getRuntime().availableProcessors();
    private int maxParallelism = DEFAULT_MAX_PARALLELISM;
    private int workerThreads = Runtime.getRuntime().availableProcessors();
    private long bufferTimeoutMillis = 100;
    private long autoWatermarkIntervalMillis = StreamJob.DEFAULT_AUTO_WATERMARK_INTERVAL_MILLIS;
    private final CheckpointConfig checkpoints = new CheckpointConfig();
    private RestartStrategy restartStrategy;
    private String stateBackend = "heap";
    private String restoreFrom;

    private StreamEnvironment() {}

    public static StreamEnvironment create() {
        return new StreamEnvironment();
    }

    /** Flink's name for {@link #create()}. */
    public static StreamEnvironment getExecutionEnvironment() {
        return create();
    }

    public StreamEnvironment setParallelism(int parallelism) {
        if (parallelism < 1) throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        this.parallelism = parallelism;
        return this;
    }

    public int parallelism() {
        return parallelism;
    }

    /** The number of key groups; fixed for the life of a job's state. */
    public StreamEnvironment setMaxParallelism(int maxParallelism) {
        if (maxParallelism < 1 || maxParallelism > 32768) {
            throw new IllegalArgumentException("max parallelism must be in 1..32768, got " + maxParallelism);
        }
        this.maxParallelism = maxParallelism;
        return this;
    }

    public int maxParallelism() {
        return maxParallelism;
    }

    /** Threads that run the job's tasks cooperatively; defaults to the number of cores. */
    public StreamEnvironment setWorkerThreads(int threads) {
        if (threads < 1) throw new IllegalArgumentException("worker threads must be at least 1, got " + threads);
        this.workerThreads = threads;
        return this;
    }

    /** How long a partly filled batch may wait before it is sent downstream. */
    public StreamEnvironment setBufferTimeout(Duration timeout) {
        this.bufferTimeoutMillis = timeout.toMillis();
        return this;
    }

    /**
     * How often sources emit their watermark (Flink's {@code pipeline.auto-watermark-interval};
     * default 10 ms, where Flink's is 200 ms). A watermark is a control item that closes the partly filled batches of every
     * outgoing channel, so emitting one after each poll would send small batches. A source that has
     * nothing to read emits its watermark at once. {@link Duration#ZERO} emits after every poll
     * (unlike Flink, where zero turns periodic watermarks off).
     */
    public StreamEnvironment setAutoWatermarkInterval(Duration interval) {
        if (interval.isNegative()) throw new IllegalArgumentException("watermark interval must not be negative, got " + interval);
        this.autoWatermarkIntervalMillis = interval.toMillis();
        return this;
    }

    public <T> DataStream<T> fromSource(Source<T, ?> source, WatermarkStrategy<T> watermarks, String name) {
        return new DataStream<>(this, new SourceTransformation(newId(), name, source, watermarks));
    }

    public <T> DataStream<T> fromCollection(Collection<T> elements) {
        DataStream<T> s = fromSource(new CollectionSource<>(new ArrayList<>(elements)), WatermarkStrategy.noWatermarks(), "collection");
        s.setParallelism(1);
        return s;
    }

    @SafeVarargs
    public final <T> DataStream<T> fromElements(T... elements) {
        return fromCollection(Arrays.asList(elements));
    }

    int newId() {
        return nextId++;
    }

    /** Takes a checkpoint every {@code interval} (exactly-once unless the config says otherwise). */
    public StreamEnvironment enableCheckpointing(Duration interval) {
        if (interval.toMillis() <= 0) throw new IllegalArgumentException("checkpoint interval must be positive, got " + interval);
        checkpoints.setInterval(interval);
        return this;
    }

    public StreamEnvironment enableCheckpointing(long intervalMillis) {
        return enableCheckpointing(Duration.ofMillis(intervalMillis));
    }

    /** The checkpoint settings, to change in place. */
    public CheckpointConfig getCheckpointConfig() {
        return checkpoints;
    }

    /** What happens on failure; by default none without checkpoints, and unlimited backoff restarts with them. */
    public StreamEnvironment setRestartStrategy(RestartStrategy strategy) {
        this.restartStrategy = java.util.Objects.requireNonNull(strategy, "strategy");
        return this;
    }

    /** "heap" (default) or "rocksdb" (needs the runnel-state-rocksdb module on the class path). */
    public StreamEnvironment setStateBackend(String name) {
        this.stateBackend = java.util.Objects.requireNonNull(name, "state backend");
        return this;
    }

    public String stateBackend() {
        return stateBackend;
    }

    /**
     * Whether a restore may skip state of operators (by uid) that the job no longer has; off by
     * default, when such a restore fails naming them (Flink's {@code allowNonRestoredState}).
     */
    public StreamEnvironment allowNonRestoredState(boolean allow) {
        checkpoints.setAllowNonRestoredState(allow);
        return this;
    }

    /**
     * Starts the next job from a checkpoint or savepoint directory, or from "latest": the newest
     * completed checkpoint in the checkpoint directory (the job starts fresh when there is none).
     */
    public StreamEnvironment restoreFrom(String pathOrLatest) {
        this.restoreFrom = pathOrLatest;
        return this;
    }

    void addSink(SinkTransformation sink) {
        sinks.add(sink);
    }

    /** The job as it would be submitted now. */
    public StreamJob job(String name) {
        if (sinks.isEmpty()) throw new IllegalStateException("the job '" + name + "' has no sink: add one with sinkTo() or print()");
        RestartStrategy restart = restartStrategy != null ? restartStrategy
                : checkpoints.enabled() ? RestartStrategy.defaultForCheckpointing() : RestartStrategy.none();
        CheckpointConfig config = checkpoints.copy();
        return new StreamJob(name, List.copyOf(sinks), parallelism, maxParallelism, workerThreads, bufferTimeoutMillis,
                config, restart, stateBackend, restoreFrom, autoWatermarkIntervalMillis);
    }

    /** Runs the job and waits for it to end; rethrows the failure that ended it. */
    public JobResult execute(String name) throws Exception {
        JobClient client = executeAsync(name);
        try {
            return client.await(Duration.ofDays(365_000));
        } catch (InterruptedException e) {
            client.cancel();
            throw e;
        }
    }

    public JobResult execute() throws Exception {
        return execute("runnel-job");
    }

    /** Submits the job and returns at once. The sinks are cleared: the environment can build the next job. */
    public JobClient executeAsync(String name) {
        StreamJob job = job(name);
        sinks.clear();
        return executor().submit(job);
    }

    private static JobExecutor executor() {
        return ServiceLoader.load(JobExecutor.class).findFirst().orElseThrow(() -> new IllegalStateException(
                "no Runnel runtime on the class path: add the io.runnel:runnel-runtime dependency"));
    }
}
