package io.runnel.runtime.state;

import static io.runnel.runtime.state.HeapCheckpointChains.VALUE;
import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.state.ValueState;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delta chains stay short: a group writes a new base when its deltas grow long, large or old. */
class HeapChainCompactionTest {
    private static final int KEYS = 5000;
    private static final Pattern CHECKPOINT_OF_FILE = Pattern.compile("-(\\d+)-[0-9a-f]{8}\\.heap$");

    @TempDir
    Path root;

    private static void update(HeapKeyedStateBackend b, int from, int to, String tag) {
        ValueState<String> v = b.value(VALUE);
        for (int k = from; k < to; k++) {
            b.keys().setCurrentKey((long) k);
            v.update(tag + k);
        }
    }

    private HeapChainHandle checkpoint(HeapKeyedStateBackend b, long id) throws Exception {
        return (HeapChainHandle) HeapCheckpointChains.write(b.snapshot(id, false), HeapCheckpointChains.checkpoint(root, id));
    }

    private static long oldestCheckpoint(HeapChainHandle h) {
        long min = Long.MAX_VALUE;
        for (String f : h.files()) {
            Matcher m = CHECKPOINT_OF_FILE.matcher(f);
            assertThat(m.find()).as(f).isTrue();
            min = Math.min(min, Long.parseLong(m.group(1)));
        }
        return min;
    }

    @Test
    void aFewChangedKeysWriteASmallDeltaOnTopOfTheBase() throws Exception {
        HeapKeyedStateBackend b = HeapCheckpointChains.backend(0, 128, 8);
        update(b, 0, KEYS, "a");
        HeapChainHandle one = checkpoint(b, 1);
        update(b, 0, 10, "b");
        HeapChainHandle two = checkpoint(b, 2);
        assertThat(one.incrementalBytes()).isGreaterThan(KEYS * 10L);
        assertThat(two.incrementalBytes()).isLessThan(one.incrementalBytes() / 10);
        assertThat(two.files()).hasSize(2).contains(one.files().get(0));
        assertThat(two.fullBytes()).isGreaterThan(one.fullBytes());
    }

    @Test
    void groupsWhoseChangesOutgrowThemWriteBasesOnly() throws Exception {
        HeapKeyedStateBackend b = HeapCheckpointChains.backend(0, 128, 8);
        for (long id = 1; id <= 5; id++) {
            update(b, 0, KEYS, "v" + id);
            HeapChainHandle h = checkpoint(b, id);
            assertThat(h.files()).as("checkpoint %d", id).hasSize(1);
            assertThat(oldestCheckpoint(h)).isEqualTo(id);
        }
    }

    @Test
    void chainsStopAtTheMaximumNumberOfDeltasAndOldBasesAreRewritten() throws Exception {
        int maxDeltas = 3;
        HeapKeyedStateBackend b = HeapCheckpointChains.backend(0, 128, maxDeltas);
        update(b, 0, KEYS, "a");
        checkpoint(b, 1);
        HeapChainHandle last = null;
        for (long id = 2; id <= 20; id++) {
            update(b, 0, KEYS / 40, "c" + id); // a small share of the keys in most groups
            last = checkpoint(b, id);
            assertThat(id - oldestCheckpoint(last)).as("checkpoint %d keeps files of at most 2 x max deltas checkpoints", id)
                    .isLessThan(2L * maxDeltas);
        }
        HeapKeyedStateBackend r = HeapCheckpointChains.backend(0, 128, maxDeltas);
        r.restore(root.resolve("chk-20"), List.of(last));
        ValueState<String> v = r.value(VALUE);
        for (int k = 0; k < KEYS; k++) {
            r.keys().setCurrentKey((long) k);
            assertThat(v.value()).isEqualTo(k < KEYS / 40 ? "c20" + k : "a" + k);
        }
    }
}
