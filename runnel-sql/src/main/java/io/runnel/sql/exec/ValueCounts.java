package io.runnel.sql.exec;

/**
 * Per aggregate call, how many times each value is in the group: the state a DISTINCT aggregate and a MIN/MAX that
 * retracts need. A window's accumulator keeps it in its own maps; a non-windowed GROUP BY in map state, so a row
 * reads and writes one entry.
 */
public interface ValueCounts {
    /** Adds {@code delta} to the count of {@code value} in call {@code call}; returns the new count (0: removed). */
    long add(int call, Object value, long delta);

    /** The values of call {@code call} with a positive count. */
    Iterable<Object> values(int call);
}
