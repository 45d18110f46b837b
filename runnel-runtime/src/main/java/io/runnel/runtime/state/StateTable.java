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
        CowGroup g = groups[keys.keyGroupIndex()];
        return g == null ? null : g.get(keys.currentKey(), epoch, inFlight());
    }

    public void put(Object value) {
        int i = keys.keyGroupIndex();
        CowGroup g = groups[i];
        if (g == null) g = groups[i] = new CowGroup();
        g.put(keys.currentKey(), value, epoch, inFlight());
    }

    public void remove() {
        CowGroup g = groups[keys.keyGroupIndex()];
        if (g != null) g.remove(keys.currentKey(), epoch, inFlight());
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
            for (Map.Entry<Object, Object> kv : e.getValue().entrySet()) g.put(kv.getKey(), kv.getValue(), epoch, inFlight());
        }
    }
}
