package io.runnel.api.time;

/** Where a watermark generator reports progress. */
public interface WatermarkOutput {
    /** No record older than {@code timestamp} is expected any more. Lower values are ignored. */
    void emitWatermark(long timestamp);

    /** This input has no data for now; downstream excludes it from the minimum. */
    void markIdle();

    /** The input has data again. */
    void markActive();
}
