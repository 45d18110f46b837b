package io.runnel.runtime.state;

import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The values of one named state: a {@link CowGroup} per key group, so a snapshot or rescale takes
 * whole groups while entries are copied on write one by one. Values may be wrapped with a
 * timestamp when the state has a TTL. Mutable values are copied before the task gets them while a
 * snapshot may still read them, since callers change values in place (a list's elements, a user's
 * accumulator).
 */
public final class StateTable {
    private final KeyContext keys;
    private final CowGroup[] groups;
    /** Whether groups log their changes for incremental checkpoints. */
    private final boolean trackChanges;
    private int epoch;
    /** The epoch of the last checkpoint snapshot that took the groups' changes; -1 before the first. */
    private int lastCheckpointEpoch = -1;
    /** Where the TTL's incremental cleanup goes on: a group and a bucket in it. */
    private int sweepGroup;
    private int sweepBucket;
    /**
     * Per group, the newest epoch whose snapshot (and every earlier one) has read that group: from
     * then on the task changes the group's entries in place again. Released group by group as the
     * writer encodes them, so the task copies on write for a fraction of a checkpoint's writing
     * instead of all of it (and not while the file is forced to disk).
     */
    private final AtomicIntegerArray written;

    public StateTable(KeyContext keys) {
        this(keys, false);
    }

    /** {@code trackChanges}: log what changes between checkpoints, for incremental snapshots. */
    public StateTable(KeyContext keys, boolean trackChanges) {
        this.keys = keys;
        this.groups = new CowGroup[keys.keyGroupCount()];
        this.written = new AtomicIntegerArray(groups.length);
        this.trackChanges = trackChanges;
    }

    private CowGroup group(int i) {
        CowGroup g = groups[i];
        return g != null ? g : (groups[i] = new CowGroup(trackChanges));
    }

    private boolean inFlight(int g) {
        return written.get(g) < epoch;
    }

    /** Group {@code g} has been read by the snapshot of epoch {@code e}; called by the writer's thread. */
    private void released(int g, int e) {
        if (written.get(g) < e) written.set(g, e);
    }

    public Object get() {
        return get(VoidNamespace.INSTANCE);
    }

    public void put(Object value) {
        put(VoidNamespace.INSTANCE, value);
    }

    public void remove() {
        remove(VoidNamespace.INSTANCE);
    }

    /** The current key's value in {@code namespace} (a window, a slice), made the task's own as {@link #get()}. */
    public Object get(Object namespace) {
        int i = keys.keyGroupIndex();
        CowGroup g = groups[i];
        return g == null ? null : g.get(keys.currentKey(), namespace, epoch, inFlight(i));
    }

    public void put(Object namespace, Object value) {
        int i = keys.keyGroupIndex();
        group(i).put(keys.currentKey(), namespace, value, epoch, inFlight(i));
    }

    public void remove(Object namespace) {
        int i = keys.keyGroupIndex();
        CowGroup g = groups[i];
        if (g != null) g.remove(keys.currentKey(), namespace, epoch, inFlight(i));
    }

    /** The value of {@code key} in {@code namespace} in group {@code g} (relative index): for a caller that knows the group (timers). */
    public Object getIn(int g, Object key, Object namespace) {
        CowGroup group = groups[g];
        return group == null ? null : group.get(key, namespace, epoch, inFlight(g));
    }

    public void putIn(int g, Object key, Object namespace, Object value) {
        group(g).put(key, namespace, value, epoch, inFlight(g));
    }

    /** Removes the entry; true if there was one. */
    public boolean removeIn(int g, Object key, Object namespace) {
        CowGroup group = groups[g];
        return group != null && group.remove(key, namespace, epoch, inFlight(g));
    }

    /**
     * Appends the key and namespace of every entry of group {@code g} (relative index) to the two
     * lists, to visit them afterwards with the key set: the table may change while they are visited.
     */
    public void entriesOfGroup(int g, java.util.List<Object> keysOut, java.util.List<Object> namespacesOut) {
        CowGroup group = groups[g];
        if (group == null) return;
        group.forEach((k, ns, v) -> {
            keysOut.add(k);
            namespacesOut.add(ns);
        });
    }

    /** Visits every entry's value without copying: for reading only (a restore rebuilding an index). */
    public void forEachValue(java.util.function.Consumer<Object> action) {
        for (CowGroup g : groups) if (g != null) g.forEach((k, ns, v) -> action.accept(v));
    }

    public int groupCount() {
        return groups.length;
    }

    /** Number of keys with a value. */
    public long size() {
        long n = 0;
        for (CowGroup g : groups) if (g != null) n += g.size();
        return n;
    }

    /**
     * Checks about {@code entries} stored entries for expiry from where the last call stopped,
     * removing what expired: the incremental cleanup, which walks the whole table over many calls.
     * Bounded per call also in buckets, so a sparse table costs little.
     */
    void sweep(int entries, Ttl ttl) {
        long now = ttl.now();
        int checked = 0;
        for (int steps = 0, maxSteps = Math.max(16, entries * 4); checked < entries && steps < maxSteps; steps++) {
            CowGroup g = groups[sweepGroup];
            if (g == null || sweepBucket >= g.bucketCount()) {
                sweepGroup = sweepGroup + 1 == groups.length ? 0 : sweepGroup + 1;
                sweepBucket = 0;
                continue;
            }
            checked += g.sweepBucket(sweepBucket++, ttl, now, epoch, inFlight(sweepGroup));
        }
    }

    /** Freezes every group (O(key groups)); entries are copied as the task writes them until the snapshot is written. */
    public KeyGroupedSnapshot snapshot() {
        return snapshot(null);
    }

    /** As {@link #snapshot()}; {@code filter} (if any) changes or drops values as they are written (expired TTL values). */
    KeyGroupedSnapshot snapshot(KeyGroupedSnapshot.ValueFilter filter) {
        @SuppressWarnings("unchecked") Map<Object, ?>[] frozen = new Map[groups.length];
        for (int i = 0; i < groups.length; i++) if (groups[i] != null) frozen[i] = groups[i].freeze();
        epoch++;
        final int e = epoch;
        return new KeyGroupedSnapshot(keys.firstKeyGroup(), frozen, g -> {
            if (g >= 0) {
                released(g, e);
            } else {
                for (int i = 0; i < groups.length; i++) released(i, e);
            }
        }, filter);
    }

    /**
     * As {@link #snapshot(KeyGroupedSnapshot.ValueFilter)} for a checkpoint that may be incremental:
     * also takes each group's changes since the previous such snapshot. A savepoint takes
     * {@link #snapshot} instead and leaves the changes to the next checkpoint.
     */
    TableSnapshot checkpointSnapshot(KeyGroupedSnapshot.ValueFilter filter) {
        GroupChanges[] changes = new GroupChanges[groups.length];
        for (int i = 0; i < groups.length; i++) if (groups[i] != null) changes[i] = groups[i].takeChanges();
        int changedAfter = lastCheckpointEpoch;
        lastCheckpointEpoch = epoch;
        return new TableSnapshot(snapshot(filter), changes, lastCheckpointEpoch, changedAfter);
    }

    /**
     * After a restore whose chains the next checkpoint continues: forgets the restored entries as
     * changes (they are in the chains) and returns the epoch the chains end at, as if a checkpoint
     * had just been taken. No snapshot may be in flight.
     */
    int changesStartHere() {
        for (CowGroup g : groups) if (g != null) g.takeChanges();
        lastCheckpointEpoch = epoch++;
        for (int i = 0; i < groups.length; i++) written.set(i, epoch);
        return lastCheckpointEpoch;
    }

    /** Whether absolute key group {@code kg} belongs to this instance. */
    boolean owns(int kg) {
        int i = kg - keys.firstKeyGroup();
        return i >= 0 && i < groups.length;
    }

    /** Adds the entries of the groups this instance owns. */
    public void restore(KeyGroupedSnapshot s) {
        for (Map.Entry<Integer, Map<Object, Object>> e : s.groups().entrySet()) restoreEntries(e.getKey(), e.getValue());
    }

    /** Puts restored entries (keys plain or {@link NamespacedKey}) into absolute key group {@code kg}, if owned. */
    void restoreEntries(int kg, Map<Object, Object> entries) {
        if (!owns(kg)) return;
        int i = kg - keys.firstKeyGroup();
        CowGroup g = group(i);
        boolean inFlight = inFlight(i);
        for (Map.Entry<Object, Object> kv : entries.entrySet()) {
            if (kv.getKey() instanceof NamespacedKey nk) g.put(nk.key(), nk.namespace(), kv.getValue(), epoch, inFlight);
            else g.put(kv.getKey(), VoidNamespace.INSTANCE, kv.getValue(), epoch, inFlight);
        }
    }

    /** Removes restored keys (plain or {@link NamespacedKey}) from absolute key group {@code kg}, if owned: a delta's removals. */
    void restoreRemovals(int kg, java.util.List<Object> removed) {
        if (!owns(kg) || groups[kg - keys.firstKeyGroup()] == null) return;
        int i = kg - keys.firstKeyGroup();
        CowGroup g = groups[i];
        boolean inFlight = inFlight(i);
        for (Object k : removed) {
            if (k instanceof NamespacedKey nk) g.remove(nk.key(), nk.namespace(), epoch, inFlight);
            else g.remove(k, VoidNamespace.INSTANCE, epoch, inFlight);
        }
    }
}
