/**
 * The physical plan: the logical graph with virtual nodes (partitioning, union, side output)
 * folded into edges, parallelism resolved, and forward edges of equal parallelism chained.
 */
package io.runnel.runtime.plan;
