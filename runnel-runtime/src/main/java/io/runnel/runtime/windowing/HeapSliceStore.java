package io.runnel.runtime.windowing;

import io.runnel.runtime.state.KeyContext;
import io.runnel.runtime.state.StateTable;
import java.util.ArrayList;

/**
 * Slices on the heap backend: each key's {@link KeySlices} is one value of a backend table, so a
 * record costs one lookup and the slices change in place. The table copies a key's slices on
 * write while a snapshot may still read them, as every heap state.
 */
final class HeapSliceStore implements SliceStore {
    private final StateTable table;
    private final KeyContext keys;
    private final WindowFunctions.Folder folder;
    /** Reused by {@link #forEachKey}, which is not reentrant: one key group's keys. */
    private final ArrayList<Object> groupKeys = new ArrayList<>();
    private final ArrayList<Object> groupNamespaces = new ArrayList<>();

    HeapSliceStore(StateTable table, KeyContext keys, WindowFunctions.Folder folder) {
        this.table = table;
        this.keys = keys;
        this.folder = folder;
    }

    @Override
    public boolean add(long start, Object value) throws Exception {
        KeySlices ks = (KeySlices) table.get();
        if (ks == null) {
            ks = new KeySlices();
            table.put(ks);
        }
        int i = ks.indexOf(start);
        boolean created = i < 0;
        if (created) i = ks.insert(start, folder.create());
        ks.accs[i] = folder.add(ks.accs[i], value);
        return created;
    }

    @Override
    public KeySlices ofCurrentKey() {
        return (KeySlices) table.get();
    }

    @Override
    public KeySlices slicesIn(long from, long to) {
        return ofCurrentKey();
    }

    @Override
    public void remove(long start) {
        KeySlices ks = (KeySlices) table.get();
        if (ks == null) return;
        ks.remove(start);
        if (ks.isEmpty()) table.remove();
    }

    @Override
    public void forEachKey(KeyVisitor visitor) throws Exception {
        forEachKeyFrom(0, visitor, () -> false);
    }

    @Override
    public int forEachKeyFrom(int group, KeyVisitor visitor, java.util.function.BooleanSupplier stop) throws Exception {
        for (int g = group; g < table.groupCount(); g++) {
            visitGroup(g, visitor);
            if (g + 1 < table.groupCount() && stop.getAsBoolean()) return g + 1;
        }
        return -1;
    }

    private void visitGroup(int g, KeyVisitor visitor) throws Exception {
        groupKeys.clear();
        groupNamespaces.clear();
        table.entriesOfGroup(g, groupKeys, groupNamespaces);
        for (int i = 0; i < groupKeys.size(); i++) {
            Object key = groupKeys.get(i);
            keys.setCurrentKey(key);
            KeySlices ks = (KeySlices) table.get();
            if (ks == null) continue;
            visitor.visit(key, ks);
            if (ks.isEmpty()) table.remove();
        }
        groupKeys.clear();
        groupNamespaces.clear();
    }

    @Override
    public void forEachSliceStart(java.util.function.LongConsumer action) {
        table.forEachValue(v -> {
            KeySlices ks = (KeySlices) v;
            for (int i = 0; i < ks.count; i++) action.accept(ks.starts[i]);
        });
    }

    @Override
    public long entryCount() {
        return table.size();
    }
}
