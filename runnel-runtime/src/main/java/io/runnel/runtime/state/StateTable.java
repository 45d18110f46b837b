package io.runnel.runtime.state;

import java.util.Map;

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
    private int epoch;
    /** Where the TTL's incremental cleanup goes on: a group and a bucket in it. */
    private int sweepGroup;
    private int sweepBucket;
    /** The newest epoch whose snapshot (and every earlier one) is fully written. */
    private volatile int written;

    public StateTable(KeyContext keys) {
        this.keys = keys;
        this.groups = new CowGroup[keys.keyGroupCount()];
    }

    private boolean inFlight() {
        return written < epoch;
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
        CowGroup g = groups[keys.keyGroupIndex()];
        return g == null ? null : g.get(keys.currentKey(), namespace, epoch, inFlight());
    }

    public void put(Object namespace, Object value) {
        int i = keys.keyGroupIndex();
        CowGroup g = groups[i];
        if (g == null) g = groups[i] = new CowGroup();
        g.put(keys.currentKey(), namespace, value, epoch, inFlight());
    }

    public void remove(Object namespace) {
        CowGroup g = groups[keys.keyGroupIndex()];
        if (g != null) g.remove(keys.currentKey(), namespace, epoch, inFlight());
    }

    /** The value of {@code key} in {@code namespace} in group {@code g} (relative index): for a caller that knows the group (timers). */
    public Object getIn(int g, Object key, Object namespace) {
        CowGroup group = groups[g];
        return group == null ? null : group.get(key, namespace, epoch, inFlight());
    }

    public void putIn(int g, Object key, Object namespace, Object value) {
        CowGroup group = groups[g];
        if (group == null) group = groups[g] = new CowGroup();
        group.put(key, namespace, value, epoch, inFlight());
    }

    /** Removes the entry; true if there was one. */
    public boolean removeIn(int g, Object key, Object namespace) {
        CowGroup group = groups[g];
        return group != null && group.remove(key, namespace, epoch, inFlight());
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
        boolean inFlight = inFlight();
        int checked = 0;
        for (int steps = 0, maxSteps = Math.max(16, entries * 4); checked < entries && steps < maxSteps; steps++) {
            CowGroup g = groups[sweepGroup];
            if (g == null || sweepBucket >= g.bucketCount()) {
                sweepGroup = sweepGroup + 1 == groups.length ? 0 : sweepGroup + 1;
                sweepBucket = 0;
                continue;
            }
            checked += g.sweepBucket(sweepBucket++, ttl, now, epoch, inFlight);
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
        return new KeyGroupedSnapshot(keys.firstKeyGroup(), frozen, () -> {
            if (written < e) written = e;
        }, filter);
    }

    /** Adds the entries of the groups this instance owns. */
    public void restore(KeyGroupedSnapshot s) {
        for (Map.Entry<Integer, Map<Object, Object>> e : s.groups().entrySet()) {
            int i = e.getKey() - keys.firstKeyGroup();
            if (i < 0 || i >= groups.length) continue;
            CowGroup g = groups[i];
            if (g == null) g = groups[i] = new CowGroup();
            for (Map.Entry<Object, Object> kv : e.getValue().entrySet()) {
                if (kv.getKey() instanceof NamespacedKey nk) g.put(nk.key(), nk.namespace(), kv.getValue(), epoch, inFlight());
                else g.put(kv.getKey(), VoidNamespace.INSTANCE, kv.getValue(), epoch, inFlight());
            }
        }
    }
}
