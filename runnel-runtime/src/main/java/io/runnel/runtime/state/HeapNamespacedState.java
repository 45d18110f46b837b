package io.runnel.runtime.state;

import java.util.ArrayList;

/** Namespaced state on the heap: a {@link StateTable} whose entries are keyed by (key, namespace). */
final class HeapNamespacedState<V> implements NamespacedState<V> {
    private final StateTable table;
    private final KeyContext keys;

    HeapNamespacedState(StateTable table, KeyContext keys) {
        this.table = table;
        this.keys = keys;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object namespace) {
        return (V) table.get(namespace);
    }

    @Override
    public void put(Object namespace, V value) {
        if (value == null) table.remove(namespace);
        else table.put(namespace, value);
    }

    @Override
    public void remove(Object namespace) {
        table.remove(namespace);
    }

    @Override
    public void forEach(EntryVisitor<V> visitor) throws Exception {
        for (int g = 0; g < table.groupCount(); g++) visitGroup(g, null, visitor);
    }

    @Override
    public void forEachOfCurrentKey(EntryVisitor<V> visitor) throws Exception {
        Object key = keys.currentKey();
        visitGroup(keys.keyGroupIndex(), key, visitor);
        keys.setCurrentKey(key);
    }

    @SuppressWarnings("unchecked")
    private void visitGroup(int g, Object onlyKey, EntryVisitor<V> visitor) throws Exception {
        // collected first: the visitor may change the table (scans are not per record, so the lists may be new)
        ArrayList<Object> scanKeys = new ArrayList<>();
        ArrayList<Object> scanNamespaces = new ArrayList<>();
        table.entriesOfGroup(g, scanKeys, scanNamespaces);
        for (int i = 0; i < scanKeys.size(); i++) {
            Object k = scanKeys.get(i);
            if (onlyKey != null && !onlyKey.equals(k)) continue;
            keys.setCurrentKey(k);
            Object v = table.get(scanNamespaces.get(i));
            if (v != null) visitor.visit(k, scanNamespaces.get(i), (V) v);
        }
    }

    @Override
    public long size() {
        return table.size();
    }
}
