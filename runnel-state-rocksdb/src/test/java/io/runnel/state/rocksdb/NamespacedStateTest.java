package io.runnel.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.api.windowing.GlobalWindow;
import io.runnel.api.windowing.TimeWindow;
import io.runnel.runtime.state.HeapKeyedStateBackend;
import io.runnel.runtime.state.KeyContext;
import io.runnel.runtime.state.KeyGroups;
import io.runnel.runtime.state.KeyedStateBackend;
import io.runnel.runtime.state.NamespacedState;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Window state in the backend: values per (key, namespace) on both backends, next to the key's
 * plain state, visited per key and in full, snapshotted and restored at other parallelisms with
 * every entry in the instance owning its key group.
 */
class NamespacedStateTest {
    private static final int MAX_PARALLELISM = 128;
    private static final int KEYS = 300;

    @TempDir
    Path dir;
    private final ManualClock clock = new ManualClock();
    private int instances;

    private KeyedStateBackend backend(String kind, int subtask, int parallelism) throws Exception {
        KeyContext keys = CheckpointStorage.keyContext(subtask, MAX_PARALLELISM, parallelism);
        return kind.equals("heap") ? new HeapKeyedStateBackend(keys, clock) : new RocksDBKeyedStateBackend(keys, clock, dir.resolve("b" + instances++));
    }

    private static Object key(int i) {
        return i % 2 == 0 ? (Object) ("k" + i) : (Object) (long) i;
    }

    private static List<Object> namespaces(int i) {
        return List.of(new TimeWindow(i, i + 10), new TimeWindow(i + 5, i + 15), (long) i * 7, GlobalWindow.INSTANCE);
    }

    private static void write(KeyedStateBackend b, int i) {
        b.keys().setCurrentKey(key(i));
        NamespacedState<Object> s = b.namespaced("_windows");
        int n = 0;
        for (Object ns : namespaces(i)) s.put(ns, new long[] {i, n++});
        b.value(new ValueStateDescriptor<Integer>("plain")).update(i);
    }

    private static List<String> read(KeyedStateBackend b, int i) throws Exception {
        b.keys().setCurrentKey(key(i));
        NamespacedState<long[]> s = b.namespaced("_windows");
        List<String> out = new ArrayList<>();
        for (Object ns : namespaces(i)) {
            long[] v = s.get(ns);
            out.add(ns + "=" + (v == null ? null : v[0] + "/" + v[1]));
        }
        out.add("plain=" + b.value(new ValueStateDescriptor<Integer>("plain")).value());
        TreeSet<String> ofKey = new TreeSet<>();
        s.forEachOfCurrentKey((k, ns, v) -> ofKey.add(k + ":" + ns));
        out.add("of-key=" + ofKey);
        return out;
    }

    private static List<String> expected(int i) {
        List<String> out = new ArrayList<>();
        int n = 0;
        TreeSet<String> ofKey = new TreeSet<>();
        for (Object ns : namespaces(i)) {
            out.add(ns + "=" + i + "/" + n++);
            ofKey.add(key(i) + ":" + ns);
        }
        out.add("plain=" + i);
        out.add("of-key=" + ofKey);
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"heap", "rocksdb"})
    void valuesPerKeyAndNamespaceSurviveSnapshotAndRescale(String kind) throws Exception {
        CheckpointStorage storage = new CheckpointStorage(dir.resolve("storage"));
        List<Serializable> handles = new ArrayList<>();
        for (int subtask = 0; subtask < 2; subtask++) {
            try (KeyedStateBackend b = backend(kind, subtask, 2)) {
                for (int i = 0; i < KEYS; i++) if (KeyGroups.subtaskOfKey(key(i), MAX_PARALLELISM, 2) == subtask) write(b, i);
                for (int i = 0; i < KEYS; i++) if (KeyGroups.subtaskOfKey(key(i), MAX_PARALLELISM, 2) == subtask) assertThat(read(b, i)).isEqualTo(expected(i));
                handles.add(storage.checkpoint(b, 1, "op-" + subtask));
                // removing after the snapshot leaves the snapshot whole (copy on write, or files)
                for (int i = 0; i < KEYS; i++) {
                    if (KeyGroups.subtaskOfKey(key(i), MAX_PARALLELISM, 2) != subtask) continue;
                    b.keys().setCurrentKey(key(i));
                    b.namespaced("_windows").remove(namespaces(i).get(0));
                }
            }
        }
        for (int p : new int[] {1, 3}) {
            long entries = 0;
            for (int subtask = 0; subtask < p; subtask++) {
                try (KeyedStateBackend b = backend(kind, subtask, p)) {
                    b.restore(storage.checkpointDir(1), handles);
                    for (int i = 0; i < KEYS; i++) {
                        if (KeyGroups.subtaskOfKey(key(i), MAX_PARALLELISM, p) == subtask) assertThat(read(b, i)).as("key %s", key(i)).isEqualTo(expected(i));
                    }
                    final int owner = subtask;
                    List<Object> visited = new ArrayList<>();
                    b.<long[]>namespaced("_windows").forEach((k, ns, v) -> {
                        assertThat(b.keys().currentKey()).isEqualTo(k);
                        visited.add(k);
                    });
                    assertThat(visited).isNotEmpty().allMatch(k -> subtaskOf(k, p) == owner);
                    entries += b.namespaced("_windows").size();
                }
            }
            assertThat(entries).as("entries at parallelism %d", p).isEqualTo(KEYS * 4L);
        }
    }

    private static int subtaskOf(Object k, int p) {
        return KeyGroups.subtaskOfKey(k, MAX_PARALLELISM, p);
    }

    @ParameterizedTest
    @ValueSource(strings = {"heap", "rocksdb"})
    void aVisitorMayRemoveWhatItVisits(String kind) throws Exception {
        try (KeyedStateBackend b = backend(kind, 0, 1)) {
            for (int i = 0; i < 50; i++) write(b, i);
            NamespacedState<long[]> s = b.namespaced("_windows");
            s.forEach((k, ns, v) -> {
                if (ns instanceof TimeWindow) s.remove(ns);
            });
            assertThat(s.size()).isEqualTo(100);
            b.keys().setCurrentKey(key(3));
            assertThat(s.get(new TimeWindow(3, 13))).isNull();
            assertThat(s.get(21L)).containsExactly(3, 2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"heap", "rocksdb"})
    void appendedElementsReadBackAsAList(String kind) throws Exception {
        try (KeyedStateBackend b = backend(kind, 0, 1)) {
            NamespacedState<Object> s = b.namespaced("_elements");
            b.keys().setCurrentKey("a");
            TimeWindow w = new TimeWindow(0, 10);
            s.append(w, "x");
            s.append(w, 42L);
            s.append(w, List.of("needs", "java serialization"));
            assertThat(s.get(w)).isEqualTo(List.of("x", 42L, List.of("needs", "java serialization")));
            s.put(w, new ArrayList<>(List.of("replaced")));
            s.append(w, "then appended");
            assertThat(s.get(w)).isEqualTo(List.of("replaced", "then appended"));
            List<Object> scanned = new ArrayList<>();
            s.forEach((k, ns, v) -> scanned.add(v));
            assertThat(scanned).containsExactly(List.of("replaced", "then appended"));
            s.put(w, new ArrayList<>());
            assertThat(s.get(w)).isNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"heap", "rocksdb"})
    void internalNamesAreKeptApartFromUserState(String kind) throws Exception {
        try (KeyedStateBackend b = backend(kind, 0, 1)) {
            assertThatThrownBy(() -> b.namespaced("windows")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'_'");
            b.value(new ValueStateDescriptor<Integer>("_taken"));
            assertThatThrownBy(() -> b.namespaced("_taken")).isInstanceOf(IllegalStateException.class).hasMessageContaining("already registered");
        }
    }
}
