package io.runnel.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.runtime.state.KeyContext;
import io.runnel.state.rocksdb.snapshot.FileOps;
import io.runnel.state.rocksdb.snapshot.RocksDBSnapshotHandle;
import io.runnel.state.rocksdb.snapshot.SnapshotFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints upload only new SST files; savepoints are self-contained. */
class RocksDBIncrementalCheckpointTest {
    private static final int KEYS = 5000;

    @TempDir
    Path dir;
    private final ManualClock clock = new ManualClock();

    @Test
    void secondCheckpointCopiesOnlyNewSstFilesAndReusesTheRestByName() throws Exception {
        CheckpointStorage storage = new CheckpointStorage(dir.resolve("storage"));
        RocksDBSnapshotHandle two;
        try (RocksDBKeyedStateBackend b = backend("a")) {
            fill(b, 0, KEYS, "first");
            RocksDBSnapshotHandle one = (RocksDBSnapshotHandle) storage.checkpoint(b, 1, "op-0");
            b.notifyCheckpointComplete(1);
            fill(b, 0, 10, "second");
            two = (RocksDBSnapshotHandle) storage.checkpoint(b, 2, "op-0");

            assertThat(one.incrementalBytes()).isEqualTo(one.fullBytes());
            assertThat(two.incrementalBytes()).isLessThan(two.fullBytes());
            assertThat(two.incrementalBytes()).isLessThan(one.fullBytes() / 2);
            Set<String> reused = new HashSet<>(two.sharedFiles());
            reused.retainAll(one.sharedFiles());
            assertThat(reused).as("shared files of 1 still needed by 2").isNotEmpty();
            long newSharedBytes = two.files().stream().filter(f -> f.shared() && !reused.contains(f.sharedName())).mapToLong(SnapshotFile::bytes).sum();
            long privateBytes = two.files().stream().filter(f -> !f.shared()).mapToLong(SnapshotFile::bytes).sum();
            assertThat(two.incrementalBytes()).isEqualTo(newSharedBytes + privateBytes);
            // Nothing in the shared dir is ever deleted or rewritten by the backend.
            Set<String> union = new HashSet<>(one.sharedFiles());
            union.addAll(two.sharedFiles());
            assertThat(listNames(storage.sharedDir())).containsExactlyInAnyOrderElementsOf(union);
        }
        try (RocksDBKeyedStateBackend restored = backend("b")) {
            // Restore from checkpoint 2 with checkpoint 1's own files gone: only the shared ones are needed.
            deleteRecursively(storage.checkpointDir(1));
            restored.restore(storage.checkpointDir(2), List.of(two));
            check(restored, 0, 10, "second");
            check(restored, 10, KEYS, "first");
        }
    }

    @Test
    void withoutCompletionNothingIsReused() throws Exception {
        CheckpointStorage storage = new CheckpointStorage(dir.resolve("storage"));
        try (RocksDBKeyedStateBackend b = backend("a")) {
            fill(b, 0, KEYS, "first");
            RocksDBSnapshotHandle one = (RocksDBSnapshotHandle) storage.checkpoint(b, 1, "op-0");
            fill(b, 0, 10, "second");
            RocksDBSnapshotHandle two = (RocksDBSnapshotHandle) storage.checkpoint(b, 2, "op-0");
            assertThat(two.sharedFiles()).doesNotContainAnyElementsOf(one.sharedFiles());
            assertThat(two.incrementalBytes()).isEqualTo(two.fullBytes());
        }
    }

    @Test
    void savepointIsSelfContainedAndCanBeMoved() throws Exception {
        CheckpointStorage storage = new CheckpointStorage(dir.resolve("storage"));
        Path savepoint = dir.resolve("savepoint-1");
        Path moved = dir.resolve("elsewhere").resolve("my-savepoint");
        RocksDBSnapshotHandle handle;
        try (RocksDBKeyedStateBackend b = backend("a")) {
            fill(b, 0, KEYS, "first");
            storage.checkpoint(b, 1, "op-0");
            b.notifyCheckpointComplete(1); // a savepoint must not lean on these shared files
            fill(b, 0, 10, "second");
            handle = (RocksDBSnapshotHandle) CheckpointStorage.savepoint(b, 2, savepoint, "op-0");
        }
        assertThat(handle.sharedFiles()).isEmpty();
        assertThat(handle.incrementalBytes()).isEqualTo(handle.fullBytes());
        deleteRecursively(storage.sharedDir());
        Files.createDirectories(moved.getParent());
        Files.move(savepoint, moved);
        try (RocksDBKeyedStateBackend restored = backend("b")) {
            restored.restore(moved, List.of(handle));
            check(restored, 0, 10, "second");
            check(restored, 10, KEYS, "first");
        }
    }

    private void fill(RocksDBKeyedStateBackend b, int from, int to, String tag) {
        ValueState<String> v = b.value(new ValueStateDescriptor<>("v"));
        for (int i = from; i < to; i++) {
            b.keys().setCurrentKey(i);
            v.update(tag + "-" + i + "-" + "x".repeat(40));
        }
    }

    private void check(RocksDBKeyedStateBackend b, int from, int to, String tag) {
        ValueState<String> v = b.value(new ValueStateDescriptor<>("v"));
        for (int i = from; i < to; i++) {
            b.keys().setCurrentKey(i);
            assertThat(v.value()).isEqualTo(tag + "-" + i + "-" + "x".repeat(40));
        }
    }

    private RocksDBKeyedStateBackend backend(String name) throws Exception {
        return new RocksDBKeyedStateBackend(new KeyContext(128, 0, 128), clock, dir.resolve(name));
    }

    private static List<String> listNames(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static void deleteRecursively(Path d) {
        FileOps.deleteRecursively(d);
    }
}
