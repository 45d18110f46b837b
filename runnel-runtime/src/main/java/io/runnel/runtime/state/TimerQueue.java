package io.runnel.runtime.state;

/**
 * Timers of one time domain of one operator instance, in time order, registered at most once
 * each (equal {@link TimerEntry}s are one timer). Kept by the keyed state backend per key group,
 * so they are snapshotted with the keyed state (no copy on the task's thread) and a restore at
 * another parallelism takes the timers of the key groups it owns. Only the task's thread calls.
 */
public interface TimerQueue {
    void add(TimerEntry t);

    void delete(TimerEntry t);

    /** The earliest timer's time, or {@link Long#MAX_VALUE}. */
    long nextTime();

    /** Removes and returns the earliest timer due at or before {@code time}, or null. */
    TimerEntry pollDue(long time);

    /** Number of timers (a full scan on RocksDB): for tests and metrics. */
    int size();

    /** Every timer, in no particular order (a full scan): for tests and tools. */
    Iterable<TimerEntry> all();
}
