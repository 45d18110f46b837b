package io.runnel.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.state.StateTtlConfig;
import io.runnel.api.state.StateTtlConfig.UpdateType;
import io.runnel.runtime.state.KeyContext;
import io.runnel.state.rocksdb.snapshot.RocksDBSnapshotHandle;
import io.runnel.state.rocksdb.snapshot.SnapshotFile;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every state kind survives snapshot, write and restore into a new instance, with and without TTL. */
class RocksDBSnapshotRestoreTest {
    @TempDir
    Path dir;

    static Stream<Arguments> ttls() {
        return Stream.of(
                Arguments.of("no TTL", StateTtlConfig.DISABLED),
                Arguments.of("TTL on read and write", StateTtlConfig.of(Duration.ofMillis(100), UpdateType.ON_READ_AND_WRITE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ttls")
    void restoredInstanceReadsAndEvolvesExactlyAsTheOriginal(String label, StateTtlConfig ttl) throws Exception {
        CheckpointStorage storage = new CheckpointStorage(dir.resolve("storage"));
        ManualClock clockA = new ManualClock();
        ManualClock clockB = new ManualClock();
        Path workA = dir.resolve("a");
        try (RocksDBKeyedStateBackend a = new RocksDBKeyedStateBackend(fullRange(), clockA, workA)) {
            StateScenario original = new StateScenario(a, clockA, ttl);
            original.run(11, 2000, 5);
            Serializable handle = storage.checkpoint(a, 1, "op-0");
            assertThat(Files.list(workA.resolve("checkpoints")).toList()).as("local checkpoint deleted once written").isEmpty();

            try (RocksDBKeyedStateBackend b = new RocksDBKeyedStateBackend(fullRange(), clockB, dir.resolve("b"))) {
                StateScenario restored = new StateScenario(b, clockB, ttl);
                b.restore(storage.checkpointDir(1), List.of(handle));
                clockB.set(clockA.getAsLong());
                // Both go on from here: reads, then more random writes (list appends onto restored lists, ...).
                assertThat(restored.run(12, 2000, 5)).containsExactlyElementsOf(original.run(12, 2000, 5));
            }
        }
        assertThat(workA).as("work dir deleted on close").doesNotExist();
    }

    @Test
    void handleRefersToFilesRelativeToTheCheckpointDirectory() throws Exception {
        CheckpointStorage storage = new CheckpointStorage(dir.resolve("storage"));
        ManualClock clock = new ManualClock();
        try (RocksDBKeyedStateBackend a = new RocksDBKeyedStateBackend(fullRange(), clock, dir.resolve("a"))) {
            new StateScenario(a, clock, StateTtlConfig.DISABLED).run(1, 500, 1);
            RocksDBSnapshotHandle h = (RocksDBSnapshotHandle) storage.checkpoint(a, 1, "op-0");
            assertThat(h.firstKeyGroup()).isZero();
            assertThat(h.endKeyGroup()).isEqualTo(128);
            assertThat(h.sharedFiles()).isNotEmpty().allMatch(n -> n.startsWith("op-0-") && n.endsWith(".sst"));
            for (SnapshotFile f : h.files()) {
                assertThat(Path.of(f.path()).isAbsolute()).isFalse();
                assertThat(storage.checkpointDir(1).resolve(f.path())).isRegularFile();
                if (f.shared()) assertThat(f.path()).isEqualTo("../shared/" + f.sharedName());
                else assertThat(f.path()).startsWith("op-0-");
            }
            assertThat(h.files()).extracting(SnapshotFile::localName).contains("CURRENT");
            assertThat(h.fullBytes()).isEqualTo(h.files().stream().mapToLong(SnapshotFile::bytes).sum());
        }
    }

    @Test
    void aMissingSnapshotFileIsNamedInTheError() throws Exception {
        CheckpointStorage storage = new CheckpointStorage(dir.resolve("storage"));
        ManualClock clock = new ManualClock();
        Serializable handle;
        try (RocksDBKeyedStateBackend a = new RocksDBKeyedStateBackend(fullRange(), clock, dir.resolve("a"))) {
            new StateScenario(a, clock, StateTtlConfig.DISABLED).run(1, 500, 1);
            handle = storage.checkpoint(a, 1, "op-0");
        }
        String lost = ((RocksDBSnapshotHandle) handle).sharedFiles().get(0);
        Files.delete(storage.sharedDir().resolve(lost));
        try (RocksDBKeyedStateBackend b = new RocksDBKeyedStateBackend(fullRange(), clock, dir.resolve("b"))) {
            assertThatThrownBy(() -> b.restore(storage.checkpointDir(1), List.of(handle)))
                    .hasMessageContaining("missing").hasMessageContaining(lost).hasMessageContaining("shared");
        }
    }

    @Test
    void aHandleOfAnotherBackendIsRejectedClearly() throws Exception {
        try (RocksDBKeyedStateBackend b = new RocksDBKeyedStateBackend(fullRange(), new ManualClock(), dir.resolve("b"))) {
            assertThatThrownBy(() -> b.restore(dir, List.of("not a handle")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.String").hasMessageContaining("another state backend");
        }
    }

    private static KeyContext fullRange() {
        return new KeyContext(128, 0, 128);
    }
}
