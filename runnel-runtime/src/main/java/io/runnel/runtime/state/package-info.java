/**
 * Keyed state on the heap and timers. Keys hash into key groups (max parallelism of them); a
 * subtask owns a contiguous range. State and timers are stored per key group, so restoring
 * with another parallelism moves whole key groups. Access is O(1) per record. Snapshots freeze
 * the key groups and the task copies on write while they are written (per entry for keyed state,
 * per group for window contents), so the task's thread never waits for a checkpoint's I/O.
 */
package io.runnel.runtime.state;
