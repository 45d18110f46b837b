/**
 * Keyed state on the heap and timers. Keys hash into key groups (max parallelism of them); a
 * subtask owns a contiguous range. State and timers are stored per key group, so restoring
 * with another parallelism moves whole key groups. Access is O(1) per record.
 */
package io.runnel.runtime.state;
