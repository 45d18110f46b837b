package io.runnel.runtime.state;

import io.runnel.api.state.ListState;
import io.runnel.api.state.ListStateDescriptor;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Test helpers: heap backends with a list, a value and timers, written to checkpoint directories and read back. */
final class HeapCheckpointChains {
    static final ListStateDescriptor<Long> LIST = new ListStateDescriptor<>("l");
    static final ValueStateDescriptor<String> VALUE = new ValueStateDescriptor<>("v");

    /** What a backend holds, comparable: per key its list and value, and the timers. */
    record Contents(Map<Long, List<Long>> lists, Map<Long, String> values, TreeSet<String> timers) {}

    private HeapCheckpointChains() {}

    static HeapKeyedStateBackend backend(int first, int end, int maxDeltas) {
        return new HeapKeyedStateBackend(new KeyContext(128, first, end), () -> 0, maxDeltas);
    }

    static SnapshotTarget checkpoint(Path root, long id) throws Exception {
        return new SnapshotTarget(id, Files.createDirectories(root.resolve("chk-" + id)), root.resolve("shared"), "op-0");
    }

    static SnapshotTarget savepoint(Path root, long id) throws Exception {
        return new SnapshotTarget(id, Files.createDirectories(root.resolve("sp-" + id)), null, "op-0");
    }

    /** Writes the part and round-trips its handle through Java serialization, as the state file does. */
    static Serializable write(KeyedStateBackend.SnapshotPart part, SnapshotTarget target) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(part.write(target));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (Serializable) in.readObject();
        }
    }

    static Contents contents(HeapKeyedStateBackend b, int keySpace) {
        Map<Long, List<Long>> lists = new TreeMap<>();
        Map<Long, String> values = new TreeMap<>();
        ListState<Long> l = b.list(LIST);
        ValueState<String> v = b.value(VALUE);
        for (long k = 0; k < keySpace; k++) {
            int kg = KeyGroups.keyGroupOf(k, 128);
            if (kg < b.keys().firstKeyGroup() || kg >= b.keys().firstKeyGroup() + b.keys().keyGroupCount()) continue;
            b.keys().setCurrentKey(k);
            List<Long> list = new ArrayList<>();
            l.get().forEach(list::add);
            if (!list.isEmpty()) lists.put(k, list);
            if (v.value() != null) values.put(k, v.value());
        }
        TreeSet<String> timers = new TreeSet<>();
        for (TimerEntry t : b.timers("event").all()) timers.add(t.toString());
        return new Contents(lists, values, timers);
    }

    /** The union of two backends' contents (a restore at parallelism 2). */
    static Contents union(Contents a, Contents b) {
        Map<Long, List<Long>> lists = new TreeMap<>(a.lists());
        lists.putAll(b.lists());
        Map<Long, String> values = new TreeMap<>(a.values());
        values.putAll(b.values());
        TreeSet<String> timers = new TreeSet<>(a.timers());
        timers.addAll(b.timers());
        return new Contents(lists, values, timers);
    }
}
