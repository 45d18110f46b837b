package io.runnel.sql.exec.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sql.data.Row;
import io.runnel.runtime.operators.BatchEndListener;
import io.runnel.testing.OperatorHarness;
import org.junit.jupiter.api.Test;

/** The held-back watermark: markers become watermarks the delay (+1 ms) behind, rows get their time attribute. */
class WatermarkHoldTest {
    @Test
    void markersBecomeHeldBackWatermarksAndRowsTheirRowtime() throws Exception {
        try (OperatorHarness<Row, Row> h = OperatorHarness.of(s -> s.assignTimestampsAndWatermarks(WatermarkHold.strategy(1, 5_000))
                .filter(WatermarkHold.dropMarkers()))) {
            h.processElement(WatermarkHold.marker(20_000), 30_000);
            h.processElement(Row.insert("a", 15_000L), 30_000);
            batchEnd(h);
            h.processWatermark(30_000); // the join's own watermark passes by: only markers count
            h.processElement(WatermarkHold.marker(18_000), 0);
            h.processElement(WatermarkHold.marker(26_000), 0);
            batchEnd(h);
            assertThat(h.outputWithTimestamps()).containsExactly(new OperatorHarness.Record<>(Row.insert("a", 15_000L), 15_000));
            assertThat(h.watermarks()).containsExactly(14_999L, 20_999L);
        }
    }

    /** The assigner emits its watermark after each input batch, as the task calls it. */
    private static void batchEnd(OperatorHarness<Row, Row> h) throws Exception {
        ((BatchEndListener) h.operators().get(0)).onBatchEnd();
    }
}
