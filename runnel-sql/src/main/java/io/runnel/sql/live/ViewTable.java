package io.runnel.sql.live;

import io.runnel.sql.data.Row;
import java.util.HashMap;

/**
 * A materialized view's rows, folded from its query's changelog by the view's sink and read through {@link
 * #snapshot}. With a key (the query's upsert key) a row replaces the row of its key and an update-before is not
 * needed; without one the rows are a multiset, and a snapshot is never taken between an update-before and its
 * update-after. Rows live in shards; a snapshot shares the shards, and a write copies a shared shard first, so
 * readers never block the writer for longer than it takes to share the shards.
 */
public final class ViewTable {
    static final int SHARDS = 256;
    private final int[] key;
    private final Object lock = new Object();
    @SuppressWarnings("unchecked")
    private final HashMap<RowKey, ViewRow>[] shards = new HashMap[SHARDS];
    private final boolean[] shared = new boolean[SHARDS];
    private long rows;
    private long version;
    /** Update-befores applied whose update-afters have not come yet (multiset only). */
    private long openUpdates;
    private volatile ViewSnapshot latest;

    public ViewTable(int[] key) {
        this.key = key.clone();
        for (int i = 0; i < SHARDS; i++) {
            shards[i] = new HashMap<>();
        }
        latest = new ViewSnapshot(shards.clone(), this.key, 0, 0, System.nanoTime());
        java.util.Arrays.fill(shared, true);
    }

    static int shardOf(RowKey k, int shards) {
        int h = k.hashCode();
        return (h ^ (h >>> 16)) & (shards - 1);
    }

    /** Applies one change of the view's changelog. */
    public void apply(Row row) {
        Object[] f = row.fields();
        synchronized (lock) {
            version++;
            if (key.length > 0) {
                upsert(row, f);
            } else {
                count(row, f);
            }
        }
    }

    private void upsert(Row row, Object[] f) {
        switch (row.kind()) {
            case INSERT, UPDATE_AFTER -> {
                RowKey k = RowKey.of(f, key);
                if (writable(k).put(k, new ViewRow(f, 1)) == null) {
                    rows++;
                }
            }
            case DELETE -> {
                RowKey k = RowKey.of(f, key);
                if (writable(k).remove(k) != null) {
                    rows--;
                }
            }
            case UPDATE_BEFORE -> { } // the update-after replaces the row of the same key
        }
    }

    private void count(Row row, Object[] f) {
        RowKey k = new RowKey(f);
        HashMap<RowKey, ViewRow> shard = writable(k);
        ViewRow r = shard.get(k);
        if (row.kind().accumulates()) {
            shard.put(k, new ViewRow(f, r == null ? 1 : r.count() + 1));
            rows++;
            if (row.kind() == io.runnel.sql.data.RowKind.UPDATE_AFTER && openUpdates > 0) {
                openUpdates--;
            }
            return;
        }
        if (r == null) {
            throw new IllegalStateException("the view's changelog retracts a row it never added: " + row);
        }
        if (r.count() == 1) {
            shard.remove(k);
        } else {
            shard.put(k, new ViewRow(r.fields(), r.count() - 1));
        }
        rows--;
        if (row.kind() == io.runnel.sql.data.RowKind.UPDATE_BEFORE) {
            openUpdates++;
        }
    }

    private HashMap<RowKey, ViewRow> writable(RowKey k) {
        int s = shardOf(k, SHARDS);
        if (shared[s]) {
            shards[s] = new HashMap<>(shards[s]);
            shared[s] = false;
        }
        return shards[s];
    }

    /**
     * The rows as of the latest change, or as of a snapshot taken at most {@code maxAgeNanos} ago: readers that come
     * close together share one snapshot, so a burst of lookups does not make the writer copy shards for each. In the
     * middle of an update (multiset views) it is the last snapshot taken before.
     */
    public ViewSnapshot snapshot(long maxAgeNanos) {
        ViewSnapshot s = latest;
        long now = System.nanoTime();
        if (now - s.takenAtNanos() <= maxAgeNanos) {
            return s;
        }
        synchronized (lock) {
            s = latest;
            if (s.version() == version || openUpdates > 0) {
                s = s.seenAt(now);
            } else {
                java.util.Arrays.fill(shared, true);
                s = new ViewSnapshot(shards.clone(), key, rows, version, now);
            }
            latest = s;
            return s;
        }
    }

    /**
     * Replaces every row by {@code entries} ({fields, count} each, and {null, open update-befores} once, as {@link
     * #checkpointEntries} lists them): a restored checkpoint.
     */
    public void reset(Iterable<Object[]> entries) {
        synchronized (lock) {
            for (int i = 0; i < SHARDS; i++) {
                shards[i] = new HashMap<>();
                shared[i] = false;
            }
            rows = 0;
            openUpdates = 0;
            version++;
            for (Object[] e : entries) {
                Object[] f = (Object[]) e[0];
                long n = (Long) e[1];
                if (f == null) {
                    openUpdates = n;
                    continue;
                }
                RowKey k = key.length > 0 ? RowKey.of(f, key) : new RowKey(f);
                shards[shardOf(k, SHARDS)].put(k, new ViewRow(f, n));
                rows += n;
            }
        }
    }

    /**
     * Every row with its count as of the last change, even in the middle of an update (whose update-after is then in
     * flight, stored with an unaligned checkpoint), and the open update-befores: the sink's checkpoint.
     */
    java.util.List<Object[]> checkpointEntries() {
        ViewSnapshot exact;
        long open;
        synchronized (lock) {
            java.util.Arrays.fill(shared, true);
            exact = new ViewSnapshot(shards.clone(), key, rows, version, System.nanoTime());
            open = openUpdates;
        }
        java.util.List<Object[]> entries = exact.entries();
        if (open > 0) {
            entries.add(new Object[] {null, open});
        }
        return entries;
    }
}
