package io.runnel.runtime.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

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
        // an empty list is no entry, as on RocksDB (and leaves nothing behind)
        if (value == null || (value instanceof ArrayList<?> l && l.isEmpty())) table.remove(namespace);
        else table.put(namespace, value);
    }

    @Override
    public void remove(Object namespace) {
        table.remove(namespace);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void append(Object namespace, Object element) {
        ArrayList<Object> l = (ArrayList<Object>) table.get(namespace);
        if (l == null) table.put(namespace, l = new ArrayList<>());
        l.add(element);
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
        // the hash table mixes keys: gather each key's namespaces so they are visited together
        LinkedHashMap<Object, ArrayList<Object>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < scanKeys.size(); i++) {
            Object k = scanKeys.get(i);
            if (onlyKey == null || onlyKey.equals(k)) byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(scanNamespaces.get(i));
        }
        for (Map.Entry<Object, ArrayList<Object>> e : byKey.entrySet()) {
            Object k = e.getKey();
            keys.setCurrentKey(k);
            for (Object ns : e.getValue()) {
                Object v = table.get(ns);
                if (v != null) visitor.visit(k, ns, (V) v);
            }
        }
    }

    @Override
    public long size() {
        return table.size();
    }
}
