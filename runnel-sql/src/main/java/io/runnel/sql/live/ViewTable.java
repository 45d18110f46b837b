package io.runnel.sql.live;

import io.runnel.sql.data.Row;
import io.runnel.sql.data.RowKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A materialized view's rows, folded from its query's changelog by the view's sink and read through {@link
 * #snapshot}s. With a key (the query's upsert key) a row replaces the row of its key and an update-before is not
 * needed; without one the rows are a multiset, and a snapshot never sees an update-before without its
 * update-after. Every change gets a version; a snapshot reads the newest versions at or before its own, and while
 * one is open a change keeps the version it replaces (and a deleted row stays as a marker), so snapshots cost the
 * writer a few links, never a copy. Readers register under the writer's lock, which is what lets the writer know
 * which old versions someone still needs.
 */
public final class ViewTable {
    /** Deleted-row markers swept per change once no snapshot needs them. */
    private static final int SWEEP_PER_CHANGE = 2;
    private final int[] key;
    private final Object lock = new Object();
    private final ConcurrentHashMap<RowKey, ViewRow> rows = new ConcurrentHashMap<>();
    /** Open snapshots by version: how many at each. */
    private final TreeMap<Long, Integer> readers = new TreeMap<>();
    private final ArrayDeque<RowKey> deleted = new ArrayDeque<>();
    /** Readers of every change (SUBSCRIBE); empty in the common case, which costs a check per change. */
    private final java.util.List<ViewSubscription> subscribers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private long version;
    /** The newest version that ends a whole update: what a new snapshot reads. */
    private long committed;
    /** Update-befores applied whose update-afters have not come yet (multiset only). */
    private long openUpdates;

    public ViewTable(int[] key) {
        this.key = key.clone();
    }

    /** Applies one change of the view's changelog. */
    public void apply(Row row) {
        Object[] f = row.fields();
        synchronized (lock) {
            long v = ++version;
            if (key.length > 0) {
                upsert(row.kind(), f, v);
            } else {
                count(row, f, v);
            }
            if (openUpdates == 0) {
                committed = v;
            }
            sweep(SWEEP_PER_CHANGE);
        }
    }

    private void upsert(RowKind kind, Object[] f, long v) {
        switch (kind) {
            case INSERT, UPDATE_AFTER -> write(RowKey.of(f, key), f, 1, v, true);
            case DELETE -> {
                RowKey k = RowKey.of(f, key);
                if (ViewRow.asOf(rows.get(k), Long.MAX_VALUE) != null) {
                    write(k, null, 0, v, true);
                }
            }
            case UPDATE_BEFORE -> { } // the update-after replaces the row of the same key
        }
    }

    private void count(Row row, Object[] f, long v) {
        RowKey k = new RowKey(f);
        ViewRow r = ViewRow.asOf(rows.get(k), Long.MAX_VALUE);
        if (row.kind().accumulates()) {
            if (row.kind() == RowKind.UPDATE_AFTER && openUpdates > 0) {
                openUpdates--;
            }
            write(k, f, r == null ? 1 : r.count + 1, v, openUpdates == 0);
            return;
        }
        if (r == null) {
            throw new IllegalStateException("the view's changelog retracts a row it never added: " + row);
        }
        if (row.kind() == RowKind.UPDATE_BEFORE) {
            openUpdates++;
        }
        write(k, r.count == 1 ? null : r.fields, r.count - 1, v, openUpdates == 0);
    }

    /**
     * Writes version {@code v} of key {@code k} ({@code fields} null: deleted), keeping what open snapshots need and,
     * unless the change ends a whole update ({@code commits}), what the next snapshot will read.
     */
    private void write(RowKey k, Object[] fields, long count, long v, boolean commits) {
        if (!subscribers.isEmpty()) {
            publish(ViewRow.asOf(rows.get(k), Long.MAX_VALUE), fields, count, v);
        }
        if (readers.isEmpty() && commits) {
            if (fields == null) {
                rows.remove(k);
            } else {
                rows.put(k, new ViewRow(fields, count, v, null));
            }
            return;
        }
        ViewRow old = rows.get(k);
        trim(old, oldestNeeded());
        rows.put(k, new ViewRow(fields, count, v, old));
        if (fields == null) {
            deleted.add(k);
        }
    }

    /** The change from {@code old} to {@code fields} ({@code count} times), to every subscriber; those behind are cut off. */
    private void publish(ViewRow old, Object[] fields, long count, long v) {
        boolean same = old != null && fields != null && java.util.Arrays.deepEquals(old.fields, fields);
        long before = old == null ? 0 : old.count;
        for (ViewSubscription s : subscribers) {
            boolean ok = true;
            if (same) {
                if (count != before) {
                    ok = s.offer(new ViewSubscription.Change(v, count - before, fields));
                }
            } else {
                if (old != null) {
                    ok = s.offer(new ViewSubscription.Change(v, -before, old.fields));
                }
                if (ok && fields != null && count > 0) {
                    ok = s.offer(new ViewSubscription.Change(v, count, fields));
                }
            }
            if (!ok) {
                subscribers.remove(s);
            }
        }
    }

    /**
     * Every change from now on, after the rows as they stand now (each as a change of +its count, at the current
     * version), with no gap between the two; at most {@code capacity} changes wait for the reader.
     */
    public ViewSubscription subscribe(int capacity) {
        synchronized (lock) {
            ViewSubscription s = new ViewSubscription(this, capacity);
            for (ViewRow r : rows.values()) {
                ViewRow now = ViewRow.asOf(r, Long.MAX_VALUE);
                if (now != null && !s.offer(new ViewSubscription.Change(version, now.count, now.fields))) {
                    throw new IllegalStateException("the view has more rows than a subscription holds (" + capacity + ")");
                }
            }
            subscribers.add(s);
            return s;
        }
    }

    void unsubscribe(ViewSubscription s) {
        subscribers.remove(s);
    }

    /** Cuts the versions below the newest one at or before {@code oldestReader}: no open snapshot reads them. */
    private static void trim(ViewRow r, long oldestReader) {
        while (r != null && r.version > oldestReader) {
            r = r.previous;
        }
        if (r != null) {
            r.previous = null;
        }
    }

    /** The oldest version a snapshot reads now or will read next. */
    private long oldestNeeded() {
        return readers.isEmpty() ? committed : Math.min(committed, readers.firstKey());
    }

    /** Removes up to {@code n} deleted-row markers that no snapshot needs any more. */
    private void sweep(int n) {
        long oldest = oldestNeeded();
        for (int i = 0; i < n && !deleted.isEmpty(); i++) {
            RowKey k = deleted.peek();
            ViewRow r = rows.get(k);
            if (r != null && r.fields == null && r.version > oldest) {
                return; // a snapshot from before the delete still reads the row
            }
            deleted.poll();
            if (r != null && r.fields == null) {
                rows.remove(k);
            }
        }
    }

    /**
     * The rows as of the last whole change (in a multiset view's update, as of before it). Close it when done: the
     * table keeps what an open snapshot reads.
     */
    public ViewSnapshot snapshot() {
        synchronized (lock) {
            long v = committed;
            readers.merge(v, 1, Integer::sum);
            return new ViewSnapshot(this, rows, key, v);
        }
    }

    void release(long v) {
        synchronized (lock) {
            readers.computeIfPresent(v, (x, n) -> n == 1 ? null : n - 1);
            if (readers.isEmpty()) {
                sweep(deleted.size());
            }
        }
    }

    /**
     * Replaces every row by {@code entries} ({fields, count} each, and {null, open update-befores} once, as {@link
     * #checkpointEntries} lists them): a restored checkpoint.
     */
    public void reset(Iterable<Object[]> entries) {
        synchronized (lock) {
            long v = ++version;
            for (RowKey k : rows.keySet()) {
                write(k, null, 0, v, false); // snapshots open across a restart still read their rows
            }
            openUpdates = 0;
            for (Object[] e : entries) {
                Object[] f = (Object[]) e[0];
                long n = (Long) e[1];
                if (f == null) {
                    openUpdates = n;
                    continue;
                }
                write(key.length > 0 ? RowKey.of(f, key) : new RowKey(f), f, n, v, false);
            }
            if (openUpdates == 0) {
                committed = v;
            }
            if (readers.isEmpty()) {
                rows.values().forEach(r -> trim(r, committed));
                sweep(deleted.size());
            }
        }
    }

    /**
     * Every row with its count as of the last change, even in the middle of an update (whose update-after is then in
     * flight, stored with an unaligned checkpoint), and the open update-befores: the sink's checkpoint. Called by
     * the writer's thread, so nothing changes meanwhile.
     */
    List<Object[]> checkpointEntries() {
        List<Object[]> entries = new ArrayList<>(rows.size());
        for (ViewRow r : rows.values()) {
            if (r.fields != null) {
                entries.add(new Object[] {r.fields, r.count});
            }
        }
        synchronized (lock) {
            if (openUpdates > 0) {
                entries.add(new Object[] {null, openUpdates});
            }
        }
        return entries;
    }
}
