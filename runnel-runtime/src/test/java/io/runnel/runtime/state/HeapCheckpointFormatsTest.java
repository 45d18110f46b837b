package io.runnel.runtime.state;

import static io.runnel.runtime.state.HeapCheckpointChains.VALUE;
import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.state.ValueState;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Savepoints stay self-contained beside incremental checkpoints, and full checkpoints still restore. */
class HeapCheckpointFormatsTest {
    private static final int KEYS = 2000;

    @TempDir
    Path root;

    private static void update(HeapKeyedStateBackend b, int from, int to, String tag) {
        ValueState<String> v = b.value(VALUE);
        for (int k = from; k < to; k++) {
            b.keys().setCurrentKey((long) k);
            v.update(tag + k);
        }
    }

    private static void check(HeapKeyedStateBackend b, int split, String low, String high) {
        ValueState<String> v = b.value(VALUE);
        for (int k = 0; k < KEYS; k++) {
            b.keys().setCurrentKey((long) k);
            assertThat(v.value()).isEqualTo((k < split ? low : high) + k);
        }
    }

    private static void deleteRecursively(Path p) throws Exception {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(x);
        }
    }

    @Test
    void aSavepointBetweenCheckpointsIsSelfContainedAndLeavesTheChainWhole() throws Exception {
        HeapKeyedStateBackend b = HeapCheckpointChains.backend(0, 128, 8);
        update(b, 0, KEYS, "a");
        HeapCheckpointChains.write(b.snapshot(1, false), HeapCheckpointChains.checkpoint(root, 1));
        update(b, 0, 10, "b");
        SnapshotTarget sp = HeapCheckpointChains.savepoint(root, 2);
        Serializable savepoint = HeapCheckpointChains.write(b.snapshot(2, true), sp);
        update(b, 10, 20, "b");
        SnapshotTarget three = HeapCheckpointChains.checkpoint(root, 3);
        Serializable checkpoint = HeapCheckpointChains.write(b.snapshot(3, false), three);

        assertThat(checkpoint).isInstanceOf(HeapChainHandle.class);
        HeapKeyedStateBackend fromCheckpoint = HeapCheckpointChains.backend(0, 128, 8);
        fromCheckpoint.restore(three.dir(), List.of(checkpoint));
        check(fromCheckpoint, 20, "b", "a"); // the delta of 3 holds the changes before the savepoint too

        assertThat(savepoint).isInstanceOf(HeapKeyedStateBackend.HeapStateHandle.class);
        deleteRecursively(root.resolve("shared"));
        HeapKeyedStateBackend fromSavepoint = HeapCheckpointChains.backend(0, 128, 8);
        fromSavepoint.restore(sp.dir(), List.of(savepoint));
        check(fromSavepoint, 10, "b", "a");
    }

    @Test
    void aFullCheckpointRestoresIntoAnIncrementalBackendWhoseFirstCheckpointIsABase() throws Exception {
        HeapKeyedStateBackend full = HeapCheckpointChains.backend(0, 128, 0);
        update(full, 0, KEYS, "a");
        SnapshotTarget one = HeapCheckpointChains.checkpoint(root, 1);
        Serializable handle = HeapCheckpointChains.write(full.snapshot(1, false), one);
        assertThat(handle).isInstanceOf(HeapKeyedStateBackend.HeapStateHandle.class);

        HeapKeyedStateBackend incremental = HeapCheckpointChains.backend(0, 128, 8);
        incremental.restore(one.dir(), List.of(handle));
        update(incremental, 0, 5, "b");
        SnapshotTarget two = HeapCheckpointChains.checkpoint(root, 2);
        HeapChainHandle chain = (HeapChainHandle) HeapCheckpointChains.write(incremental.snapshot(2, false), two);
        assertThat(chain.files()).hasSize(1);
        assertThat(chain.incrementalBytes()).isEqualTo(chain.fullBytes() + 12 + indexBytes(chain)).isPositive();

        HeapKeyedStateBackend r = HeapCheckpointChains.backend(0, 128, 8);
        r.restore(two.dir(), List.of(chain));
        check(r, 5, "b", "a");
    }

    @Test
    void aRestoreAtTheSameParallelismContinuesTheChainsInTheSameDirectoryOnly() throws Exception {
        HeapKeyedStateBackend b = HeapCheckpointChains.backend(0, 128, 8);
        update(b, 0, KEYS, "a");
        HeapCheckpointChains.write(b.snapshot(1, false), HeapCheckpointChains.checkpoint(root, 1));
        update(b, 0, 10, "b");
        SnapshotTarget two = HeapCheckpointChains.checkpoint(root, 2);
        HeapChainHandle h2 = (HeapChainHandle) HeapCheckpointChains.write(b.snapshot(2, false), two);

        HeapKeyedStateBackend same = HeapCheckpointChains.backend(0, 128, 8);
        same.restore(two.dir(), List.of(h2));
        update(same, 10, 15, "c");
        SnapshotTarget three = HeapCheckpointChains.checkpoint(root, 3);
        HeapChainHandle h3 = (HeapChainHandle) HeapCheckpointChains.write(same.snapshot(3, false), three);
        assertThat(h3.files()).hasSize(3).containsAll(h2.files());
        assertThat(h3.incrementalBytes()).isLessThan(h2.fullBytes() / 10);
        HeapKeyedStateBackend r = HeapCheckpointChains.backend(0, 128, 8);
        r.restore(three.dir(), List.of(h3));
        ValueState<String> v = r.value(VALUE);
        for (int k = 0; k < KEYS; k++) {
            r.keys().setCurrentKey((long) k);
            assertThat(v.value()).isEqualTo((k < 10 ? "b" : k < 15 ? "c" : "a") + k);
        }

        HeapKeyedStateBackend elsewhere = HeapCheckpointChains.backend(0, 128, 8);
        elsewhere.restore(two.dir(), List.of(h2));
        Path other = root.resolve("other");
        HeapChainHandle h = (HeapChainHandle) HeapCheckpointChains.write(elsewhere.snapshot(3, false), HeapCheckpointChains.checkpoint(other, 3));
        assertThat(h.files()).as("a new directory starts with bases").hasSize(1);
        assertThat(Files.exists(other.resolve("shared").resolve(h.files().get(0)))).isTrue();
    }

    /** The index of a file holding one base per key group of one state. */
    private static long indexBytes(HeapChainHandle h) {
        return 4 + 2 + VALUE.name().length() + 4 + 128L * 25;
    }
}
