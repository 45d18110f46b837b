package io.runnel.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import io.runnel.api.state.ListState;
import io.runnel.api.state.ListStateDescriptor;
import io.runnel.runtime.state.NamespacedState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A value built by many appends (a window that keeps every element, a list) is read in time
 * linear in its size: RocksDB's associative append operator copied the value so far once per
 * append when reading, so 40 k appends took tens of seconds to read; now well under a second.
 */
class ManyAppendsTest {
    private static final int APPENDS = 40_000;
    /** Waits for the read, then compares (a native read cannot be cut short). Generous: the linear read takes about a second even on a loaded machine, the quadratic one tens of seconds. */
    private static final Duration BOUND = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private static String element(int i) {
        return i + ":" + "x".repeat(180);
    }

    @Test
    void windowElementsAppendedManyTimesReadBackInOrder() throws Exception {
        try (RocksDBKeyedStateBackend b = new RocksDBKeyedStateBackend(CheckpointStorage.keyContext(0, 128, 1), new ManualClock(), dir.resolve("ns"))) {
            b.keys().setCurrentKey("window-end");
            NamespacedState<List<Object>> s = b.namespaced("_windows");
            for (int i = 0; i < APPENDS; i++) s.append(7L, element(i));
            List<Object> read = assertTimeout(BOUND, () -> s.get(7L));
            assertThat(read).hasSize(APPENDS);
            assertThat(read.get(0)).isEqualTo(element(0));
            assertThat(read.get(APPENDS - 1)).isEqualTo(element(APPENDS - 1));
        }
    }

    @Test
    void listStateAddedManyTimesReadsBackInOrder() throws Exception {
        try (RocksDBKeyedStateBackend b = new RocksDBKeyedStateBackend(CheckpointStorage.keyContext(0, 128, 1), new ManualClock(), dir.resolve("list"))) {
            b.keys().setCurrentKey(42L);
            ListState<String> s = b.list(new ListStateDescriptor<>("events"));
            for (int i = 0; i < APPENDS; i++) s.add(element(i));
            List<String> read = assertTimeout(BOUND, () -> {
                List<String> all = new ArrayList<>();
                for (String e : s.get()) all.add(e);
                return all;
            });
            assertThat(read).hasSize(APPENDS).startsWith(element(0)).endsWith(element(APPENDS - 1));
        }
    }
}
