package io.runnel.runtime.state;

import java.util.HashSet;
import java.util.PriorityQueue;

/**
 * Timers of one time domain in time order, registered at most once each. Deletion is lazy: a
 * deleted timer stays in the heap and is skipped when it comes up; when deleted entries outnumber
 * live ones the heap is rebuilt, so deletions cannot make it grow without bound.
 */
public final class TimerQueue {
    private final PriorityQueue<TimerEntry> heap = new PriorityQueue<>();
    private final HashSet<TimerEntry> live = new HashSet<>();

    public void add(TimerEntry t) {
        if (live.add(t)) heap.add(t);
    }

    public void delete(TimerEntry t) {
        if (live.remove(t) && heap.size() > 2 * live.size() + 1024) compact();
    }

    private void compact() {
        heap.clear();
        heap.addAll(live);
    }

    /** Entries held by the heap, deleted ones included (for tests and metrics). */
    public int heapSize() {
        return heap.size();
    }

    /** The earliest live timer's time, or {@link Long#MAX_VALUE}. */
    public long nextTime() {
        TimerEntry t;
        while ((t = heap.peek()) != null && !live.contains(t)) heap.poll();
        return t == null ? Long.MAX_VALUE : t.time();
    }

    /** Removes and returns the earliest live timer due at or before {@code time}, or null. */
    public TimerEntry pollDue(long time) {
        if (nextTime() > time) return null;
        TimerEntry t = heap.poll();
        live.remove(t);
        return t;
    }

    public int size() {
        return live.size();
    }

    public Iterable<TimerEntry> all() {
        return live;
    }

    /** A copy of the live timers, for a snapshot. */
    public java.util.ArrayList<TimerEntry> snapshot() {
        return new java.util.ArrayList<>(live);
    }
}
