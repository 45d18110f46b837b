package io.runnel.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.runtime.state.NamespacedState;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The namespaced state's write-back cache of the last (key, namespace): a repeated read returns
 * the cached value, and a value still only in the cache reaches RocksDB before a snapshot, a
 * scan or a key listing reads the database.
 */
class NamespacedStateCacheTest {
    private static final int MAX_PARALLELISM = 128;

    @TempDir
    Path dir;
    private final ManualClock clock = new ManualClock();
    private int instances;

    private RocksDBKeyedStateBackend backend() throws Exception {
        return new RocksDBKeyedStateBackend(CheckpointStorage.keyContext(0, MAX_PARALLELISM, 1), clock, dir.resolve("b" + instances++));
    }

    @Test
    void aRepeatedGetReturnsTheCachedValueWithoutDecodingAgain() throws Exception {
        try (RocksDBKeyedStateBackend b = backend()) {
            NamespacedState<long[]> s = b.namespaced("_slices");
            b.keys().setCurrentKey("k");
            s.put(10L, new long[] {1});
            b.keys().setCurrentKey("other");
            s.put(10L, new long[] {2});
            b.keys().setCurrentKey("k");
            long[] first = s.get(10L);
            assertThat(first).containsExactly(1);
            assertThat(s.get(10L)).isSameAs(first);
        }
    }

    @Test
    void aValueWrittenLastIsInTheSnapshot() throws Exception {
        CheckpointStorage storage = new CheckpointStorage(dir.resolve("storage"));
        Serializable handle;
        try (RocksDBKeyedStateBackend b = backend()) {
            NamespacedState<long[]> s = b.namespaced("_slices");
            b.keys().setCurrentKey("k");
            s.put(10L, new long[] {1});
            long[] acc = s.get(10L);
            acc[0] = 7; // changed in place and written back, as window aggregates are
            s.put(10L, acc);
            handle = storage.checkpoint(b, 1, "op");
        }
        try (RocksDBKeyedStateBackend restored = backend()) {
            restored.restore(storage.checkpointDir(1), List.of(handle));
            restored.keys().setCurrentKey("k");
            assertThat(restored.<long[]>namespaced("_slices").get(10L)).containsExactly(7);
        }
    }

    @Test
    void aValueWrittenLastIsSeenByScansAndKeyListings() throws Exception {
        try (RocksDBKeyedStateBackend b = backend()) {
            NamespacedState<long[]> s = b.namespaced("_slices");
            b.keys().setCurrentKey("k");
            s.put(10L, new long[] {1});
            assertThat(b.keysOf("_slices")).containsExactly("k");
            s.put(20L, new long[] {2});
            assertThat(s.size()).isEqualTo(2);
            s.put(30L, new long[] {3});
            List<String> seen = new ArrayList<>();
            s.forEach((k, ns, v) -> seen.add(k + ":" + ns + "=" + v[0]));
            assertThat(seen).containsExactly("k:10=1", "k:20=2", "k:30=3");
            s.put(30L, new long[] {4});
            List<String> ofKey = new ArrayList<>();
            s.forEachOfCurrentKey((k, ns, v) -> ofKey.add(ns + "=" + v[0]));
            assertThat(ofKey).containsExactly("10=1", "20=2", "30=4");
        }
    }

    @Test
    void aRestoreDropsTheCachedValue() throws Exception {
        CheckpointStorage storage = new CheckpointStorage(dir.resolve("storage"));
        Serializable handle;
        try (RocksDBKeyedStateBackend b = backend()) {
            b.keys().setCurrentKey("k");
            b.<long[]>namespaced("_slices").put(10L, new long[] {1});
            handle = storage.checkpoint(b, 1, "op");
        }
        try (RocksDBKeyedStateBackend b = backend()) {
            NamespacedState<long[]> s = b.namespaced("_slices");
            b.keys().setCurrentKey("k");
            s.put(10L, new long[] {99});
            b.restore(storage.checkpointDir(1), List.of(handle));
            assertThat(s.get(10L)).containsExactly(1);
            assertThat(s.size()).isEqualTo(1);
        }
    }

    @Test
    void anAppendDoesNotChangeAListReadBefore() throws Exception {
        try (RocksDBKeyedStateBackend b = backend()) {
            NamespacedState<Object> s = b.namespaced("_elements");
            b.keys().setCurrentKey("k");
            s.put(10L, new ArrayList<>(List.of("a")));
            Object before = s.get(10L);
            s.append(10L, "b");
            assertThat(before).isEqualTo(List.of("a"));
            assertThat(s.get(10L)).isEqualTo(List.of("a", "b"));
            s.remove(10L);
            assertThat(s.get(10L)).isNull();
            assertThat(s.size()).isZero();
        }
    }
}
