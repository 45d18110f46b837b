package io.runnel.runtime.state;

/**
 * What changed in one key group between two checkpoints: the nodes of entries put or possibly
 * mutated (some may have left the table since), and the removed keys as (key, namespace) pairs. {@link #OVERFLOW} when too much changed to be worth a delta.
 * Read by the I/O thread only after the task handed it over.
 */
record GroupChanges(CowGroup.Node[] changed, int changedCount, Object[] removed, int removedCount) {
    static final GroupChanges OVERFLOW = new GroupChanges(null, -1, null, -1);

    boolean overflow() {
        return this == OVERFLOW;
    }

    /** Entries a delta would hold, about: changed plus removed keys. */
    int count() {
        return changedCount + removedCount;
    }
}
