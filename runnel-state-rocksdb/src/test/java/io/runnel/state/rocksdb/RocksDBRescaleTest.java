package io.runnel.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.state.ListState;
import io.runnel.api.state.ListStateDescriptor;
import io.runnel.api.state.MapState;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.api.state.ReducingStateDescriptor;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.runtime.state.KeyGroups;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two instances (parallelism 2 of max parallelism 128) checkpoint; their state is restored into
 * 1, 2 and 4 instances. Every key must be found, with its values, in exactly the instance that
 * {@link KeyGroups} assigns it to: none lost, none duplicated.
 */
class RocksDBRescaleTest {
    private static final int MAX_PARALLELISM = 128;
    private static final int KEYS = 600;
    private static final List<String> STATES = List.of("value", "list", "map", "sum");

    @TempDir
    Path dir;
    private CheckpointStorage storage;
    private List<Serializable> handles;
    private final ManualClock clock = new ManualClock();

    /** Keys of two kinds, so more than one serialized form is moved. */
    private static Object key(int i) {
        return i % 2 == 0 ? (Object) ("key-" + i) : (Object) (long) i;
    }

    @BeforeEach
    void checkpointTwoInstances() throws Exception {
        storage = new CheckpointStorage(dir.resolve("storage"));
        handles = new ArrayList<>();
        for (int subtask = 0; subtask < 2; subtask++) {
            try (RocksDBKeyedStateBackend b = backend(subtask, 2, "run1-" + subtask)) {
                for (int i = 0; i < KEYS; i++) {
                    Object key = key(i);
                    if (KeyGroups.subtaskOfKey(key, MAX_PARALLELISM, 2) != subtask) continue;
                    write(b, key, i);
                }
                handles.add(storage.checkpoint(b, 1, "op-" + subtask));
            }
        }
    }

    @ParameterizedTest(name = "into parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void everyKeyLandsInExactlyTheInstanceThatOwnsItsKeyGroup(int parallelism) throws Exception {
        Set<Object> seen = new HashSet<>();
        for (int subtask = 0; subtask < parallelism; subtask++) {
            try (RocksDBKeyedStateBackend b = backend(subtask, parallelism, "run2-" + parallelism + "-" + subtask)) {
                b.restore(storage.checkpointDir(1), handles);
                Set<Object> expected = new HashSet<>();
                for (int i = 0; i < KEYS; i++) {
                    if (KeyGroups.subtaskOfKey(key(i), MAX_PARALLELISM, parallelism) == subtask) expected.add(key(i));
                }
                for (String state : STATES) {
                    List<Object> present = b.keysOf(state);
                    assertThat(present).as("keys of '%s' in subtask %d of %d", state, subtask, parallelism)
                            .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
                }
                for (int i = 0; i < KEYS; i++) {
                    if (expected.contains(key(i))) check(b, key(i), i);
                }
                seen.addAll(expected);
            }
        }
        assertThat(seen).hasSize(KEYS);
    }

    @Test
    void restoringTwiceFromTheSameHandlesDoesNotDuplicateListElements() throws Exception {
        try (RocksDBKeyedStateBackend b = backend(0, 1, "twice")) {
            b.restore(storage.checkpointDir(1), handles);
            b.restore(storage.checkpointDir(1), handles); // restore writes (puts), it does not append
            check(b, key(3), 3);
        }
    }

    private void write(RocksDBKeyedStateBackend b, Object key, int i) {
        b.keys().setCurrentKey(key);
        b.value(new ValueStateDescriptor<Integer>("value")).update(i);
        ListState<Integer> list = b.list(new ListStateDescriptor<>("list"));
        list.add(i);
        list.add(i + 1);
        MapState<String, Integer> map = b.map(new MapStateDescriptor<>("map"));
        map.put("a", i);
        map.put("b", -i);
        b.reducing(new ReducingStateDescriptor<Long>("sum", Long::sum)).add((long) i);
    }

    private void check(RocksDBKeyedStateBackend b, Object key, int i) {
        b.keys().setCurrentKey(key);
        ValueState<Integer> value = b.value(new ValueStateDescriptor<>("value"));
        assertThat(value.value()).as("value of %s", key).isEqualTo(i);
        assertThat(b.list(new ListStateDescriptor<Integer>("list")).get()).as("list of %s", key).containsExactly(i, i + 1);
        MapState<String, Integer> map = b.map(new MapStateDescriptor<>("map"));
        assertThat(map.entries()).as("map of %s", key).containsExactlyInAnyOrder(Map.entry("a", i), Map.entry("b", -i));
        assertThat(b.reducing(new ReducingStateDescriptor<Long>("sum", Long::sum)).get()).isEqualTo((long) i);
    }

    private RocksDBKeyedStateBackend backend(int subtask, int parallelism, String name) throws Exception {
        return new RocksDBKeyedStateBackend(CheckpointStorage.keyContext(subtask, MAX_PARALLELISM, parallelism), clock, dir.resolve(name));
    }
}
