package io.runnel.api;

import io.runnel.api.checkpoint.CheckpointConfig;
import io.runnel.api.checkpoint.RestartStrategy;
import io.runnel.api.graph.Transformation;
import java.io.Serializable;
import java.util.List;

/**
 * A job as submitted: its name, its sinks (the graph hangs off them) and its settings.
 * {@code restoreFrom} is a checkpoint or savepoint directory, "latest" (the newest completed
 * checkpoint in the checkpoint directory, or none), or null.
 */
public record StreamJob(String name, List<Transformation> sinks, int parallelism, int maxParallelism,
                        int workerThreads, long bufferTimeoutMillis, CheckpointConfig checkpoints,
                        RestartStrategy restartStrategy, String stateBackend, String restoreFrom) implements Serializable {

    public StreamJob(String name, List<Transformation> sinks, int parallelism, int maxParallelism, int workerThreads,
                     long bufferTimeoutMillis) {
        this(name, sinks, parallelism, maxParallelism, workerThreads, bufferTimeoutMillis, new CheckpointConfig(),
                RestartStrategy.none(), "heap", null);
    }
}
