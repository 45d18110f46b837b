/**
 * Keyed state on the heap, the namespaced state of window operators, and timers. Keys hash into
 * key groups (max parallelism of them); a subtask owns a contiguous range. State, window state
 * and timers are stored per key group in the backend, so restoring with another parallelism moves
 * whole key groups. Access is O(1) per record. Snapshots freeze the key groups and the task copies
 * entries on write while they are written, so the task's thread never waits for a checkpoint's
 * I/O and never copies state or timers at the barrier.
 */
package io.runnel.runtime.state;
