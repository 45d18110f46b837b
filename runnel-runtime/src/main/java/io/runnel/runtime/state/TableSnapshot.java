package io.runnel.runtime.state;

/**
 * A checkpoint's snapshot of one {@link StateTable}: the frozen groups, and per group what changed
 * since the table's previous checkpoint snapshot (null entries for groups that do not exist or
 * when the table does not track changes). {@code epoch} identifies this snapshot; {@code
 * changedAfter} the previous one (-1: none), so a delta is only written on top of the chain that
 * ends at that very snapshot.
 */
record TableSnapshot(KeyGroupedSnapshot frozen, GroupChanges[] changes, int epoch, int changedAfter) {}
