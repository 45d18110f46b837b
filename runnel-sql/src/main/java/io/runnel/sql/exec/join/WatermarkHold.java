package io.runnel.sql.exec.join;

import io.runnel.api.functions.FilterFunction;
import io.runnel.api.time.TimestampAssigner;
import io.runnel.api.time.WatermarkGenerator;
import io.runnel.api.time.WatermarkOutput;
import io.runnel.api.time.WatermarkStrategy;
import io.runnel.sql.data.Row;
import java.io.Serial;
import java.io.Serializable;

/**
 * Holds back the watermark after an operator whose rows can be up to {@code delay} ms behind its input watermark
 * (an interval join's left time, Flink's watermark delay), so those rows are not late downstream. The engine's
 * two-input operators forward their input watermark as it is, so the join reports the watermark it has seen as
 * marker rows; the timestamp assigner chained right after it (a forward edge: one join instance each) turns them into
 * watermarks {@code delay + 1} ms behind, gives rows their time attribute as timestamp, and the markers are dropped.
 */
public final class WatermarkHold {
    private WatermarkHold() {}

    /** The watermark the join had seen when it emitted the rows that follow. */
    record Marker(long watermark) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    static Row marker(long watermark) {
        return Row.insert(new Marker(watermark));
    }

    static boolean isMarker(Row row) {
        return row.arity() == 1 && row.field(0) instanceof Marker;
    }

    /** Timestamps from column {@code rowtime}, watermarks {@code delay + 1} ms behind the markers'. */
    public static WatermarkStrategy<Row> strategy(int rowtime, long delay) {
        TimestampAssigner<Row> assigner = (row, previous) -> isMarker(row) ? previous : (Long) row.field(rowtime);
        return WatermarkStrategy.<Row>forGenerator(() -> new Generator(delay + 1)).withTimestampAssigner(assigner);
    }

    /** Drops the markers once they became watermarks. */
    public static FilterFunction<Row> dropMarkers() {
        return row -> !isMarker(row);
    }

    private static final class Generator implements WatermarkGenerator<Row> {
        private final long delay;
        private long held = Long.MIN_VALUE;

        Generator(long delay) {
            this.delay = delay;
        }

        @Override
        public void onEvent(Row row, long timestamp, WatermarkOutput output) {
            if (isMarker(row)) {
                held = Math.max(held, ((Marker) row.field(0)).watermark() - delay);
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            if (held > Long.MIN_VALUE) {
                output.emitWatermark(held);
            }
        }
    }
}
