package io.runnel.api;

import io.runnel.api.graph.Transformation;
import java.io.Serializable;
import java.util.List;

/** A job as submitted: its name, its sinks (the graph hangs off them) and its settings. */
public record StreamJob(String name, List<Transformation> sinks, int parallelism, int maxParallelism,
                        int workerThreads, long bufferTimeoutMillis) implements Serializable {}
