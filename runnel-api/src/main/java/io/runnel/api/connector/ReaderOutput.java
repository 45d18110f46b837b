package io.runnel.api.connector;

/**
 * Where a reader emits records. Records emitted through {@link #forSplit} get watermarks per
 * split (the reader's watermark is the minimum over its active splits), as per-partition
 * watermarks in Kafka readers.
 */
public interface ReaderOutput<T> {
    /** Emits a record without a source timestamp (the watermark strategy may assign one). */
    void collect(T record);

    /** Emits a record with the timestamp the source knows (e.g. a Kafka record timestamp). */
    void collect(T record, long timestamp);

    /**
     * An output whose watermarks are tracked separately for {@code splitId}. Call it for every
     * split as soon as it is assigned: from then on the split holds the reader's watermark back
     * until it emits, goes idle or is released, so a split that has not delivered yet does not
     * make the others' records late.
     */
    ReaderOutput<T> forSplit(String splitId);

    /** The split is done: it no longer holds the reader's watermark back. */
    void releaseSplit(String splitId);
}
