package io.runnel.runtime.state;

import java.util.HashMap;
import java.util.Map;

/**
 * The values of one named state: a hash map per key group (copied on write after a snapshot), so a
 * snapshot or rescale takes whole groups. Values may be wrapped with a timestamp when the state
 * has a TTL. Every access goes through the copy-on-write check, since callers mutate values in
 * place (a list's elements, a user's accumulator).
 */
public final class StateTable {
    private final KeyContext keys;
    private final KeyGroupMaps<Object> maps;

    public StateTable(KeyContext keys) {
        this.keys = keys;
        this.maps = new KeyGroupMaps<>(keys);
    }

    public Object get() {
        HashMap<Object, Object> m = maps.current();
        return m == null ? null : m.get(currentKey());
    }

    public void put(Object value) {
        maps.currentOrCreate().put(currentKey(), value);
    }

    public void remove() {
        HashMap<Object, Object> m = maps.current();
        if (m != null) m.remove(currentKey());
    }

    private Object currentKey() {
        return keys.currentKey();
    }

    /** The map of one key group (relative index), for reading and writing; null when it never held a value. */
    public Map<Object, Object> group(int index) {
        return maps.writable(index);
    }

    public int groupCount() {
        return maps.groupCount();
    }

    /** Number of keys with a value. */
    public long size() {
        return maps.size();
    }

    public KeyGroupedSnapshot snapshot() {
        return maps.snapshot();
    }

    public void restore(KeyGroupedSnapshot s) {
        maps.restore(s);
    }
}
