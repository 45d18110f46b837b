package io.runnel.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.runtime.operators.OneInputOperator;
import io.runnel.runtime.operators.StreamOperator;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator restarts from its own subtask's watermark, or the least of those it takes over when
 * the parallelism changed; never the greatest over all subtasks, which may be ahead of the input
 * it replays (in at-least-once mode, or after a rescale) and would drop that input as late.
 */
class WatermarkRestoreTest {
    private static final int MAX_PARALLELISM = 128;

    @TempDir
    Path dir;

    static final class Plain extends StreamOperator<Void> implements OneInputOperator<Object> {
        @Override
        public void processElement(Object value, long timestamp) {}
    }

    /** A checkpoint of operator "op" at the parallelism of {@code watermarks}; null: that subtask wrote no state. */
    private Restore checkpoint(Long... watermarks) throws Exception {
        List<String> files = new ArrayList<>();
        for (int i = 0; i < watermarks.length; i++) {
            if (watermarks[i] == null) {
                files.add(null);
                continue;
            }
            String name = "op-" + i + ".state";
            LinkedHashMap<String, Object> parts = new LinkedHashMap<>(Map.of("watermark", watermarks[i]));
            try (OutputStream fo = Files.newOutputStream(dir.resolve(name)); ObjectOutputStream out = new ObjectOutputStream(fo)) {
                out.writeObject(parts);
            }
            files.add(name);
        }
        CheckpointMetadata meta = new CheckpointMetadata(7, false, false, 0, "job", MAX_PARALLELISM,
                Map.of("op", new CheckpointMetadata.OperatorEntry(watermarks.length, files)), Map.of(), Map.of(), List.of());
        return new Restore(meta, dir);
    }

    private static long restored(Restore r, int subtask, int parallelism, boolean keyed) throws Exception {
        Plain op = new Plain();
        op.restoreState(r.of("op", subtask, parallelism, keyed));
        return op.currentWatermark();
    }

    @Test
    void atTheSameParallelismEachSubtaskGetsItsOwn() throws Exception {
        Restore r = checkpoint(1000L, 5000L);
        assertThat(restored(r, 0, 2, true)).isEqualTo(1000);
        assertThat(restored(r, 1, 2, true)).isEqualTo(5000);
        assertThat(restored(r, 0, 2, false)).isEqualTo(1000);
    }

    @Test
    void afterARescaleAKeyedSubtaskGetsTheLeastOfThoseWhoseKeyGroupsItTakesOver() throws Exception {
        Restore r = checkpoint(1000L, 5000L);
        // at 4, subtasks 0 and 1 own key groups [0, 64), which were subtask 0's; 2 and 3 those of subtask 1
        assertThat(restored(r, 0, 4, true)).isEqualTo(1000);
        assertThat(restored(r, 1, 4, true)).isEqualTo(1000);
        assertThat(restored(r, 2, 4, true)).isEqualTo(5000);
        assertThat(restored(r, 3, 4, true)).isEqualTo(5000);
        assertThat(restored(r, 0, 1, true)).isEqualTo(1000);
        Restore three = checkpoint(3000L, 1000L, 2000L);
        assertThat(restored(three, 0, 2, true)).as("takes over subtasks 0 and 1").isEqualTo(1000);
        assertThat(restored(three, 1, 2, true)).as("takes over subtasks 1 and 2").isEqualTo(1000);
    }

    @Test
    void anOperatorWithoutKeysTakesTheLeastOfAllAfterARescale() throws Exception {
        Restore r = checkpoint(1000L, 5000L, 3000L);
        assertThat(restored(r, 1, 2, false)).isEqualTo(1000);
    }

    @Test
    void aSubtaskThatHadNoWatermarkYetHoldsItBack() throws Exception {
        Restore r = checkpoint(null, 5000L);
        assertThat(restored(r, 0, 2, true)).isEqualTo(Long.MIN_VALUE);
        assertThat(restored(r, 1, 2, true)).isEqualTo(5000);
        assertThat(restored(r, 0, 1, true)).isEqualTo(Long.MIN_VALUE);
    }
}
