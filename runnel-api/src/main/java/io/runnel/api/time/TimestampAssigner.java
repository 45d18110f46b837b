package io.runnel.api.time;

import java.io.Serializable;

/** Extracts a record's event time in epoch milliseconds. */
@FunctionalInterface
public interface TimestampAssigner<T> extends Serializable {
    /** {@code previous} is the timestamp the record already has, or {@link Long#MIN_VALUE}. */
    long extractTimestamp(T record, long previous);
}
