package io.runnel.runtime.state;

import java.util.HashMap;
import java.util.Map;

/**
 * Keyed values of one operator instance: a hash map per key group, copied on write after a
 * snapshot. {@link #snapshot} only freezes the array of maps (O(key groups)); the first write to a
 * group while that snapshot is still being written copies the group (and its mutable values), so
 * the snapshot is written off the task's thread while the task goes on.
 */
public final class KeyGroupMaps<V> {
    private final KeyContext keys;
    private final HashMap<Object, V>[] groups;
    /** The snapshot epoch each group was last copied (or created) in. */
    private final int[] epochs;
    private int epoch;
    /** The newest epoch whose snapshot (and every earlier one) is fully written. */
    private volatile int written;

    @SuppressWarnings("unchecked")
    public KeyGroupMaps(KeyContext keys) {
        this.keys = keys;
        this.groups = new HashMap[keys.keyGroupCount()];
        this.epochs = new int[groups.length];
    }

    /** The current key's group for reading and writing; null if it has no values yet. */
    public HashMap<Object, V> current() {
        return writable(keys.keyGroupIndex());
    }

    /** The current key's group, created if absent. */
    public HashMap<Object, V> currentOrCreate() {
        int g = keys.keyGroupIndex();
        HashMap<Object, V> m = writable(g);
        if (m == null) {
            m = groups[g] = new HashMap<>();
            epochs[g] = epoch;
        }
        return m;
    }

    /** Group {@code g} (relative index) for reading and writing; null if it has no values. */
    @SuppressWarnings("unchecked")
    public HashMap<Object, V> writable(int g) {
        HashMap<Object, V> m = groups[g];
        if (m != null && epochs[g] != epoch) {
            if (written < epoch) {
                HashMap<Object, V> c = new HashMap<>(Math.max(16, (int) (m.size() / 0.75f) + 1));
                for (Map.Entry<Object, V> e : m.entrySet()) c.put(e.getKey(), (V) StateCopier.copy(e.getValue()));
                m = groups[g] = c;
            }
            epochs[g] = epoch;
        }
        return m;
    }

    public int groupCount() {
        return groups.length;
    }

    /** Number of keys with a value. */
    public long size() {
        long n = 0;
        for (HashMap<Object, V> m : groups) if (m != null) n += m.size();
        return n;
    }

    /** Freezes the current maps; call {@link #written} once the snapshot has been serialized. */
    public KeyGroupedSnapshot snapshot() {
        epoch++;
        final int e = epoch;
        return new KeyGroupedSnapshot(keys.firstKeyGroup(), groups.clone(), () -> {
            if (written < e) written = e;
        });
    }

    /** Adds the entries of the groups this instance owns. */
    @SuppressWarnings("unchecked")
    public void restore(KeyGroupedSnapshot s) {
        for (Map.Entry<Integer, Map<Object, Object>> e : s.groups().entrySet()) {
            int g = e.getKey() - keys.firstKeyGroup();
            if (g < 0 || g >= groups.length) continue;
            HashMap<Object, V> m = groups[g];
            if (m == null) m = groups[g] = new HashMap<>();
            m.putAll((Map<Object, V>) (Map<?, ?>) e.getValue());
            epochs[g] = epoch;
        }
    }
}
