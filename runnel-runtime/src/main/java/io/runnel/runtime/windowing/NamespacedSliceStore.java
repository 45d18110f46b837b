package io.runnel.runtime.windowing;

import io.runnel.runtime.state.KeyContext;
import io.runnel.runtime.state.NamespacedState;

/**
 * Slices as entries of a namespaced state, one per (key, slice), namespaced by the slice's end
 * (a Long): a record reads and writes one slice, and a RocksDB backend keeps them all off the
 * heap. Reading a key's slices, or every key's, scans the state.
 */
final class NamespacedSliceStore implements SliceStore {
    private final NamespacedState<Object> state;
    /** Slices that keep every element: which (key, slice) exist, so adding needs no read of the list. */
    private final NamespacedState<Boolean> marks;
    private final KeyContext keys;
    private final WindowFunctions.Folder folder;
    private final long slice;

    NamespacedSliceStore(NamespacedState<Object> state, NamespacedState<Boolean> marks, KeyContext keys, WindowFunctions.Folder folder,
                         long slice) {
        this.state = state;
        this.marks = marks;
        this.keys = keys;
        this.folder = folder;
        this.slice = slice;
    }

    private Long namespace(long start) {
        return start + slice;
    }

    @Override
    public boolean add(long start, Object value) throws Exception {
        Long ns = namespace(start);
        if (folder.keepsElements()) {
            // append without reading the list; a small marker says whether the slice is new
            boolean created = marks.get(ns) == null;
            if (created) marks.put(ns, Boolean.TRUE);
            state.append(ns, value);
            return created;
        }
        Object acc = state.get(ns);
        state.put(ns, folder.add(acc == null ? folder.create() : acc, value));
        return acc == null;
    }

    @Override
    public KeySlices ofCurrentKey() throws Exception {
        KeySlices ks = new KeySlices();
        state.forEachOfCurrentKey((k, ns, acc) -> ks.insert((Long) ns - slice, acc));
        return ks.isEmpty() ? null : ks;
    }

    @Override
    public KeySlices slicesIn(long from, long to) {
        KeySlices ks = null;
        // a window's start is a slice start: size and slide are multiples of the slice
        for (long start = from; start < to; start += slice) {
            Object acc = state.get(namespace(start));
            if (acc == null) continue;
            if (ks == null) ks = new KeySlices();
            ks.insert(start, acc);
        }
        return ks;
    }

    @Override
    public void remove(long start) {
        state.remove(namespace(start));
        if (folder.keepsElements()) marks.remove(namespace(start));
    }

    @Override
    public void forEachKey(KeyVisitor visitor) throws Exception {
        // one key's slices come one after another: gather them, visit, then delete what the visitor dropped
        Run run = new Run();
        state.forEach((k, ns, acc) -> {
            if (run.key != null && !run.key.equals(k)) {
                run.flush(visitor);
                keys.setCurrentKey(k);
            }
            run.key = k;
            run.slices.insert((Long) ns - slice, acc);
        });
        if (run.key != null) run.flush(visitor);
    }

    /** The slices of the key being gathered. */
    private final class Run {
        Object key;
        KeySlices slices = new KeySlices();

        void flush(KeyVisitor visitor) throws Exception {
            keys.setCurrentKey(key);
            long[] before = java.util.Arrays.copyOf(slices.starts, slices.count);
            visitor.visit(key, slices);
            for (long s : before) if (slices.indexOf(s) < 0) remove(s);
            key = null;
            slices = new KeySlices();
        }
    }

    @Override
    public void forEachSliceStart(java.util.function.LongConsumer action) throws Exception {
        state.forEach((k, ns, acc) -> action.accept((Long) ns - slice));
    }

    @Override
    public long entryCount() {
        return state.size();
    }
}
