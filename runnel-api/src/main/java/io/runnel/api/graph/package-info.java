/**
 * The logical job graph the stream API builds: one {@link io.runnel.api.graph.Transformation}
 * per call (source, operator, partitioning, union, side output, sink), each operator described
 * by an {@link io.runnel.api.graph.OperatorSpec}. It is plain serializable data; the runtime
 * turns it into chained tasks. Public for runtimes and tools, not for jobs.
 */
package io.runnel.api.graph;
