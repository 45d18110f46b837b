package io.runnel.api;

import io.runnel.api.checkpoint.CheckpointConfig;
import io.runnel.api.checkpoint.RestartStrategy;
import io.runnel.api.graph.Transformation;
import java.io.Serializable;
import java.util.List;

/**
 * A job as submitted: its name, its sinks (the graph hangs off them) and its settings.
 * {@code restoreFrom} is a checkpoint or savepoint directory, "latest" (the newest completed
 * checkpoint in the checkpoint directory, or none), or null. Sources emit watermarks at most every
 * {@code autoWatermarkIntervalMillis} (0: after every poll of a reader).
 */
public record StreamJob(String name, List<Transformation> sinks, int parallelism, int maxParallelism,
                        int workerThreads, long bufferTimeoutMillis, CheckpointConfig checkpoints,
                        RestartStrategy restartStrategy, String stateBackend, String restoreFrom,
                        long autoWatermarkIntervalMillis) implements Serializable {
    /**
     * Shorter than Flink's 200 ms ({@code pipeline.auto-watermark-interval}): at millions of
     * events per second a watermark 200 ms late keeps 10 s of Nexmark event time of window slices
     * alive longer, which cost q5 a fifth of its throughput; 10 ms still fills the batches.
     */
    public static final long DEFAULT_AUTO_WATERMARK_INTERVAL_MILLIS = 10;

    public StreamJob(String name, List<Transformation> sinks, int parallelism, int maxParallelism, int workerThreads,
                     long bufferTimeoutMillis, CheckpointConfig checkpoints, RestartStrategy restartStrategy,
                     String stateBackend, String restoreFrom) {
        this(name, sinks, parallelism, maxParallelism, workerThreads, bufferTimeoutMillis, checkpoints, restartStrategy,
                stateBackend, restoreFrom, DEFAULT_AUTO_WATERMARK_INTERVAL_MILLIS);
    }

    public StreamJob(String name, List<Transformation> sinks, int parallelism, int maxParallelism, int workerThreads,
                     long bufferTimeoutMillis) {
        this(name, sinks, parallelism, maxParallelism, workerThreads, bufferTimeoutMillis, new CheckpointConfig(),
                RestartStrategy.none(), "heap", null);
    }
}
