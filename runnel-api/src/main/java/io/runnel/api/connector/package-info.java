/**
 * Source and sink contracts. A source is split into {@link io.runnel.api.connector.SourceSplit}s
 * whose positions a checkpoint records; a reader polls without blocking. A sink's writer may
 * prepare committables at a checkpoint that a {@link io.runnel.api.connector.Committer} makes
 * visible once the checkpoint completes (two-phase commit).
 */
package io.runnel.api.connector;
