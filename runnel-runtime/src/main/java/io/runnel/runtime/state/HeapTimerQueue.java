package io.runnel.runtime.state;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Timers on the heap backend. The timers themselves are entries of a backend {@link StateTable}
 * ((timer key, the timer) -> TRUE), so a snapshot freezes them per key group with the rest of
 * the keyed state, copy-on-write, in O(key groups). A priority queue orders them for firing; it
 * is only an index, rebuilt from the table after a restore. Deletion is lazy: a deleted timer
 * stays in the queue and is skipped when it comes up; when deleted entries outnumber live ones
 * the queue is rebuilt, so deletions cannot make it grow without bound.
 */
final class HeapTimerQueue implements TimerQueue {
    private final StateTable table;
    private final KeyContext keys;
    private PriorityQueue<TimerEntry> queue = new PriorityQueue<>();
    private int size;

    HeapTimerQueue(StateTable table, KeyContext keys) {
        this.table = table;
        this.keys = keys;
        reload();
    }

    private int groupOf(TimerEntry t) {
        return keys.keyGroupIndexOf(t.key());
    }

    private boolean isLive(TimerEntry t) {
        return table.getIn(groupOf(t), t.key(), t) != null;
    }

    @Override
    public void add(TimerEntry t) {
        int g = groupOf(t);
        if (g < 0 || g >= keys.keyGroupCount()) {
            throw new IllegalStateException("timer for key " + t.key() + " does not belong to this subtask's key groups");
        }
        if (table.getIn(g, t.key(), t) != null) return;
        table.putIn(g, t.key(), t, Boolean.TRUE);
        queue.add(t);
        size++;
    }

    @Override
    public void delete(TimerEntry t) {
        if (!table.removeIn(groupOf(t), t.key(), t)) return;
        size--;
        if (queue.size() > 2 * size + 1024) reload();
    }

    @Override
    public long nextTime() {
        TimerEntry t;
        while ((t = queue.peek()) != null && !isLive(t)) queue.poll();
        return t == null ? Long.MAX_VALUE : t.time();
    }

    @Override
    public TimerEntry pollDue(long time) {
        if (nextTime() > time || queue.isEmpty()) return null;
        TimerEntry t = queue.poll();
        table.removeIn(groupOf(t), t.key(), t);
        size--;
        return t;
    }

    @Override
    public int size() {
        return size;
    }

    /** Entries held by the queue, deleted ones included (for tests). */
    int queueSize() {
        return queue.size();
    }

    @Override
    public Iterable<TimerEntry> all() {
        return timers();
    }

    private List<TimerEntry> timers() {
        List<TimerEntry> all = new ArrayList<>();
        List<Object> keysOut = new ArrayList<>();
        List<Object> timers = new ArrayList<>();
        for (int g = 0; g < table.groupCount(); g++) table.entriesOfGroup(g, keysOut, timers);
        for (Object t : timers) all.add((TimerEntry) t);
        return all;
    }

    /** Rebuilds the queue from the table: after a restore, or when deleted entries pile up. */
    void reload() {
        List<TimerEntry> live = timers();
        queue = new PriorityQueue<>(Math.max(16, live.size()));
        queue.addAll(live);
        size = live.size();
    }
}
