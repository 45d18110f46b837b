package io.runnel.api.time;

/**
 * Produces watermarks from the records it sees. Not thread-safe: one instance per source split
 * (or per subtask for watermarks assigned mid-stream).
 */
public interface WatermarkGenerator<T> {
    /** Sees every record with its assigned timestamp; may emit a watermark at once. */
    void onEvent(T record, long timestamp, WatermarkOutput output);

    /** Called after each batch of records and periodically; emits the current watermark. */
    void onPeriodicEmit(WatermarkOutput output);
}
