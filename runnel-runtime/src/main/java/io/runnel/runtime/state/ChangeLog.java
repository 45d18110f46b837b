package io.runnel.runtime.state;

/**
 * The entries of one {@link CowGroup} put, possibly mutated or removed since the last checkpoint,
 * for incremental checkpoints, appended on the task's thread: changed entries as their nodes, at
 * most once per node and epoch (the node's {@code valueVersion} says it is already here), removed
 * ones as (key, namespace) pairs.
 * When the changes outgrow half the group, a full base is about as small as a delta: the log
 * stops collecting ("overflow") and the next checkpoint writes the group in full.
 */
final class ChangeLog {
    /** Changes a group may collect beyond half its size before it falls back to a full snapshot. */
    static final int SLACK = 64;
    private static final Object[] NONE = new Object[0];

    private static final CowGroup.Node[] NO_NODES = new CowGroup.Node[0];

    private CowGroup.Node[] changed = NO_NODES;
    private int changedCount;
    private Object[] removed = NONE;
    private int removedCount;
    private boolean overflow;

    private boolean full(int groupSize) {
        if (overflow) return true;
        if (changedCount + removedCount / 2 < SLACK + groupSize / 2) return false;
        overflow = true;
        changed = NO_NODES; // the entries are not needed any more: free them now
        removed = NONE;
        changedCount = removedCount = 0;
        return true;
    }

    void changed(CowGroup.Node node, int groupSize) {
        if (full(groupSize)) return;
        if (changedCount == changed.length) changed = java.util.Arrays.copyOf(changed, Math.max(16, changed.length * 2));
        changed[changedCount++] = node;
    }

    void removed(Object key, Object namespace, int groupSize) {
        if (full(groupSize)) return;
        if (removedCount + 2 > removed.length) removed = java.util.Arrays.copyOf(removed, Math.max(16, removed.length * 2));
        removed[removedCount++] = key;
        removed[removedCount++] = namespace;
    }

    /** Hands what was collected to a checkpoint and starts collecting anew. */
    GroupChanges take() {
        GroupChanges out = overflow ? GroupChanges.OVERFLOW : new GroupChanges(changed, changedCount, removed, removedCount / 2);
        int capacity = Math.min(changedCount, 1 << 16); // about as many next time; allocated once per checkpoint
        changed = changedCount == 0 ? NO_NODES : new CowGroup.Node[Math.max(16, capacity)];
        removed = NONE;
        changedCount = removedCount = 0;
        overflow = false;
        return out;
    }
}
