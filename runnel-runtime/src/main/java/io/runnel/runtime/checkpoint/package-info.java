/**
 * Checkpoints: the coordinator that triggers barriers and completes checkpoints, the storage
 * layout on disk and its metadata, what operators put into a snapshot and get back on restore,
 * and the per-task part that aligns barriers and writes snapshots off the task's thread.
 */
package io.runnel.runtime.checkpoint;
