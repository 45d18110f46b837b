package io.runnel.sql.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A view's rows as they stood between two changes: never half an update. Immutable; the table it came from copies a
 * shard before changing it once a snapshot holds that shard, so taking one costs no copy of the rows.
 */
public final class ViewSnapshot implements Iterable<Object[]> {
    private final HashMap<RowKey, ViewRow>[] shards;
    private final int[] key;
    private final long rows;
    private final long version;
    private final long takenAtNanos;

    ViewSnapshot(HashMap<RowKey, ViewRow>[] shards, int[] key, long rows, long version, long takenAtNanos) {
        this.shards = shards;
        this.key = key;
        this.rows = rows;
        this.version = version;
        this.takenAtNanos = takenAtNanos;
    }

    /** As this one, read again at {@code nanos}: nothing changed since. */
    ViewSnapshot seenAt(long nanos) {
        return new ViewSnapshot(shards, key, rows, version, nanos);
    }

    /** Rows, counting a row that stands twice twice. */
    public long rowCount() {
        return rows;
    }

    /** How many changes the table had applied when this was taken. */
    public long version() {
        return version;
    }

    long takenAtNanos() {
        return takenAtNanos;
    }

    /** The columns that identify a row (the view query's upsert key); empty when rows are a multiset. */
    public int[] key() {
        return key.clone();
    }

    /** The row whose key columns hold {@code keyValues}, or null; only for a view with a key. */
    public Object[] lookup(Object[] keyValues) {
        if (key.length == 0) {
            throw new IllegalStateException("the view has no key to look rows up by");
        }
        RowKey k = new RowKey(keyValues);
        ViewRow r = shards[ViewTable.shardOf(k, shards.length)].get(k);
        return r == null ? null : r.fields();
    }

    /** The rows' fields (shared: do not change them), each row as many times as it stands. */
    @Override
    public Iterator<Object[]> iterator() {
        return new Iterator<>() {
            private int shard;
            private Iterator<ViewRow> in = shards[0].values().iterator();
            private ViewRow current;
            private long left;

            @Override
            public boolean hasNext() {
                while (left == 0) {
                    while (!in.hasNext()) {
                        if (++shard == shards.length) {
                            return false;
                        }
                        in = shards[shard].values().iterator();
                    }
                    current = in.next();
                    left = current.count();
                }
                return true;
            }

            @Override
            public Object[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                left--;
                return current.fields();
            }
        };
    }

    /** The rows with their counts, for a checkpoint: {fields, count} each. */
    List<Object[]> entries() {
        List<Object[]> out = new ArrayList<>();
        for (HashMap<RowKey, ViewRow> s : shards) {
            for (ViewRow r : s.values()) {
                out.add(new Object[] {r.fields(), r.count()});
            }
        }
        return out;
    }
}
