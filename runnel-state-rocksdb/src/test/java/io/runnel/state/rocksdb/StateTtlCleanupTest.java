package io.runnel.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.state.ListState;
import io.runnel.api.state.ListStateDescriptor;
import io.runnel.api.state.MapState;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.api.state.StateTtlConfig;
import io.runnel.api.state.StateTtlConfig.UpdateType;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.runtime.state.HeapKeyedStateBackend;
import io.runnel.runtime.state.KeyContext;
import io.runnel.runtime.state.KeyedStateBackend;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * State TTL per list element and map entry, and the cleanup of expired values without reads:
 * incremental (per access, per record) and in snapshots. Each test runs on both backends.
 */
class StateTtlCleanupTest {
    private static final Duration TTL = Duration.ofMillis(100);

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock();

    private KeyedStateBackend backend(String kind) throws Exception {
        KeyContext keys = new KeyContext(128, 0, 128);
        return kind.equals("heap") ? new HeapKeyedStateBackend(keys, clock)
                : new RocksDBKeyedStateBackend(keys, clock, dir.resolve("rocks-" + System.nanoTime()));
    }

    private static <D extends io.runnel.api.state.StateDescriptor> D ttl(D d, StateTtlConfig config) {
        d.enableTimeToLive(config);
        return d;
    }

    @ParameterizedTest
    @ValueSource(strings = {"heap", "rocksdb"})
    void listElementsAndMapEntriesExpireEachOnTheirOwn(String kind) throws Exception {
        StateTtlConfig onWrite = StateTtlConfig.of(TTL);
        try (KeyedStateBackend b = backend(kind)) {
            ListState<String> list = b.list(ttl(new ListStateDescriptor<>("list"), onWrite));
            MapState<String, Integer> map = b.map(ttl(new MapStateDescriptor<>("map"), onWrite));
            b.keys().setCurrentKey("k");
            clock.set(0);
            list.add("early");
            map.put("early", 1);
            clock.set(60);
            list.add("late");
            map.put("late", 2);
            clock.set(99);
            assertThat(list.get()).containsExactly("early", "late");
            assertThat(map.keys()).containsExactlyInAnyOrder("early", "late");
            clock.set(100); // "early" expires, "late" lives until 160
            assertThat(list.get()).containsExactly("late");
            assertThat(map.get("early")).isNull();
            assertThat(map.contains("late")).isTrue();
            assertThat(map.entries()).extracting(Map.Entry::getKey).containsExactly("late");
            clock.set(50); // a clock going back shows the early ones were removed, not only hidden
            assertThat(list.get()).containsExactly("late");
            assertThat(map.keys()).containsExactly("late");
            clock.set(160);
            assertThat(list.get()).isEmpty();
            assertThat(map.isEmpty()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"heap", "rocksdb"})
    void readingAnEntryRefreshesOnlyThatEntry(String kind) throws Exception {
        StateTtlConfig onRead = StateTtlConfig.of(TTL, UpdateType.ON_READ_AND_WRITE);
        try (KeyedStateBackend b = backend(kind)) {
            MapState<String, Integer> map = b.map(ttl(new MapStateDescriptor<>("map"), onRead));
            ListState<String> list = b.list(ttl(new ListStateDescriptor<>("list"), onRead));
            b.keys().setCurrentKey("k");
            clock.set(0);
            map.put("read", 1);
            map.put("unread", 2);
            list.add("x");
            clock.set(90);
            assertThat(map.get("read")).isEqualTo(1); // lives until 190 now
            list.add("y");
            clock.set(95);
            assertThat(list.get()).containsExactly("x", "y"); // both restamped at 95
            clock.set(150);
            assertThat(map.keys()).containsExactly("read");
            clock.set(194);
            assertThat(list.get()).containsExactly("x", "y");
        }
    }

    /** Many keys written once and never read again; other keys keep the operator busy. */
    @ParameterizedTest
    @ValueSource(strings = {"heap", "rocksdb"})
    void expiredKeysAreCleanedUpInTheBackgroundWithoutBeingRead(String kind) throws Exception {
        StateTtlConfig config = StateTtlConfig.of(TTL); // incremental cleanup is on by default
        try (KeyedStateBackend b = backend(kind)) {
            ValueState<Integer> value = b.value(ttl(new ValueStateDescriptor<>("value"), config));
            ListState<Integer> list = b.list(ttl(new ListStateDescriptor<>("list"), config));
            MapState<Integer, Integer> map = b.map(ttl(new MapStateDescriptor<>("map"), config));
            clock.set(0);
            for (int k = 0; k < 200; k++) {
                b.keys().setCurrentKey(k);
                value.update(k);
                list.add(k);
                map.put(k, k);
            }
            assertThat(List.of(b.keyCount("value"), b.keyCount("list"), b.keyCount("map"))).containsOnly(200L);
            clock.set(1000);
            b.keys().setCurrentKey("busy");
            for (int i = 0; i < 2000; i++) {
                value.update(i);
                list.update(List.of(i));
                map.put(0, i);
            }
            assertThat(List.of(b.keyCount("value"), b.keyCount("list"), b.keyCount("map"))).containsOnly(1L);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"heap", "rocksdb"})
    void cleanupOnEveryRecordShrinksStateThatIsNoLongerAccessed(String kind) throws Exception {
        StateTtlConfig config = StateTtlConfig.of(TTL).cleanupIncrementally(10, true);
        try (KeyedStateBackend b = backend(kind)) {
            MapState<Integer, Integer> idle = b.map(ttl(new MapStateDescriptor<>("idle"), config));
            ValueState<Integer> other = b.value(new ValueStateDescriptor<>("other"));
            clock.set(0);
            for (int k = 0; k < 200; k++) {
                b.keys().setCurrentKey(k);
                idle.put(1, k);
                idle.put(2, k);
            }
            clock.set(1000);
            for (int i = 0; i < 2000; i++) {
                b.keys().setCurrentKey(1000 + i % 10); // a record: the key is set, only "other" is touched
                other.update(i);
            }
            assertThat(b.keyCount("idle")).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"heap", "rocksdb"})
    void aSnapshotTakenAfterExpiryLeavesExpiredValuesOut(String kind) throws Exception {
        StateTtlConfig config = StateTtlConfig.of(TTL).disableCleanupInBackground().cleanupFullSnapshot();
        CheckpointStorage storage = new CheckpointStorage(dir.resolve("storage"));
        Serializable handle;
        try (KeyedStateBackend b = backend(kind)) {
            ValueState<Integer> value = b.value(ttl(new ValueStateDescriptor<>("value"), config));
            ListState<String> list = b.list(ttl(new ListStateDescriptor<>("list"), config));
            MapState<String, Integer> map = b.map(ttl(new MapStateDescriptor<>("map"), config));
            clock.set(0);
            for (int k = 0; k < 50; k++) {
                b.keys().setCurrentKey(k);
                value.update(k);
                list.add("early");
                map.put("early", k);
            }
            clock.set(80);
            for (int k = 0; k < 10; k++) {
                b.keys().setCurrentKey(k);
                value.update(-k);
                list.add("late");
                map.put("late", k);
            }
            clock.set(150);
            assertThat(b.keyCount("value")).as("nothing was read or swept yet").isEqualTo(50);
            handle = storage.checkpoint(b, 1, "op-0");
        }
        try (KeyedStateBackend restored = backend(kind)) {
            ValueState<Integer> value = restored.value(ttl(new ValueStateDescriptor<>("value"), config));
            ListState<String> list = restored.list(ttl(new ListStateDescriptor<>("list"), config));
            MapState<String, Integer> map = restored.map(ttl(new MapStateDescriptor<>("map"), config));
            restored.restore(storage.checkpointDir(1), List.of(handle));
            assertThat(List.of(restored.keyCount("value"), restored.keyCount("list"), restored.keyCount("map"))).containsOnly(10L);
            clock.set(50); // early values would be live again at 50 had the snapshot kept them
            for (int k = 0; k < 10; k++) {
                restored.keys().setCurrentKey(k);
                assertThat(value.value()).isEqualTo(-k);
                assertThat(list.get()).containsExactly("late");
                assertThat(map.keys()).containsExactly("late");
            }
            restored.keys().setCurrentKey(10);
            assertThat(value.value()).isNull();
        }
    }

    /** The heap copies on write: cleanup while a snapshot is being written must leave the snapshot as it was. */
    @ParameterizedTest
    @ValueSource(strings = {"heap", "rocksdb"})
    void cleanupWhileASnapshotIsWrittenLeavesTheSnapshotAsItWas(String kind) throws Exception {
        StateTtlConfig config = StateTtlConfig.of(TTL).cleanupIncrementally(10, false);
        CheckpointStorage storage = new CheckpointStorage(dir.resolve("storage"));
        Serializable handle;
        try (KeyedStateBackend b = backend(kind)) {
            ListState<String> list = b.list(ttl(new ListStateDescriptor<>("list"), config));
            MapState<String, Integer> map = b.map(ttl(new MapStateDescriptor<>("map"), config));
            clock.set(0);
            for (int k = 0; k < 50; k++) {
                b.keys().setCurrentKey(k);
                list.add("a");
                map.put("a", k);
            }
            clock.set(80);
            for (int k = 0; k < 25; k++) {
                b.keys().setCurrentKey(k);
                list.add("b");
                map.put("b", k);
            }
            clock.set(120);
            var part = b.snapshot(1); // frozen now, written after the cleanup below
            b.keys().setCurrentKey("busy");
            for (int i = 0; i < 3000; i++) list.update(List.of("x"));
            assertThat(b.keyCount("list")).as("the cleanup ran").isEqualTo(26);
            handle = CheckpointStorage.roundTrip(part.write(storage.target(1, "op-0")));
        }
        try (KeyedStateBackend restored = backend(kind)) {
            ListState<String> list = restored.list(ttl(new ListStateDescriptor<>("list"), config));
            MapState<String, Integer> map = restored.map(ttl(new MapStateDescriptor<>("map"), config));
            restored.restore(storage.checkpointDir(1), List.of(handle));
            clock.set(50);
            for (int k = 0; k < 50; k++) {
                restored.keys().setCurrentKey(k);
                assertThat(list.get()).as("key " + k).containsExactlyElementsOf(k < 25 ? List.of("a", "b") : List.of("a"));
                assertThat(map.keys()).as("key " + k).containsExactlyInAnyOrderElementsOf(k < 25 ? List.of("a", "b") : List.of("a"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"heap", "rocksdb"})
    void aMapEntryMayMapToNullWithOrWithoutTtl(String kind) throws Exception {
        try (KeyedStateBackend b = backend(kind)) {
            MapState<String, String> plain = b.map(new MapStateDescriptor<>("plain"));
            MapState<String, String> timed = b.map(ttl(new MapStateDescriptor<>("timed"), StateTtlConfig.of(TTL)));
            b.keys().setCurrentKey("k");
            for (MapState<String, String> m : List.of(plain, timed)) {
                m.put("none", null);
                assertThat(m.contains("none")).isTrue();
                assertThat(m.get("none")).isNull();
                assertThat(m.keys()).containsExactly("none");
                assertThat(m.isEmpty()).isFalse();
            }
            clock.set(100);
            assertThat(timed.contains("none")).isFalse();
            assertThat(plain.contains("none")).isTrue();
        }
    }
}
