package io.runnel.runtime.state;

import java.util.HashMap;
import java.util.Map;

/**
 * The values of one named state: a hash map per key group, so a snapshot or rescale takes whole
 * groups. Values may be wrapped with a timestamp when the state has a TTL.
 */
public final class StateTable {
    private final KeyContext keys;
    private final HashMap<Object, Object>[] groups;

    @SuppressWarnings("unchecked")
    public StateTable(KeyContext keys) {
        this.keys = keys;
        this.groups = new HashMap[keys.keyGroupCount()];
    }

    public Object get() {
        HashMap<Object, Object> m = groups[keys.keyGroupIndex()];
        return m == null ? null : m.get(keys.currentKey());
    }

    public void put(Object value) {
        int g = keys.keyGroupIndex();
        HashMap<Object, Object> m = groups[g];
        if (m == null) m = groups[g] = new HashMap<>();
        m.put(keys.currentKey(), value);
    }

    public void remove() {
        HashMap<Object, Object> m = groups[keys.keyGroupIndex()];
        if (m != null) m.remove(keys.currentKey());
    }

    /** The map of one key group (relative index); null when it never held a value. */
    public Map<Object, Object> group(int index) {
        return groups[index];
    }

    public int groupCount() {
        return groups.length;
    }

    /** Number of keys with a value. */
    public long size() {
        long n = 0;
        for (HashMap<Object, Object> m : groups) if (m != null) n += m.size();
        return n;
    }
}
