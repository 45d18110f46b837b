package io.runnel.sql.live;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A view's rows as they stood at one version, between two changes: never half an update. While it is open the
 * table keeps the row versions it needs, so it costs the writer no copy; close it when the query is done.
 */
public final class ViewSnapshot implements Iterable<Object[]>, AutoCloseable {
    private final ViewTable table;
    private final ConcurrentHashMap<RowKey, ViewRow> rows;
    private final int[] key;
    private final long version;
    private boolean closed;

    ViewSnapshot(ViewTable table, ConcurrentHashMap<RowKey, ViewRow> rows, int[] key, long version) {
        this.table = table;
        this.rows = rows;
        this.key = key;
        this.version = version;
    }

    /** How many changes the table had applied when this was taken. */
    public long version() {
        return version;
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
        ViewRow r = ViewRow.asOf(rows.get(new RowKey(keyValues)), version);
        return r == null ? null : r.fields;
    }

    /** The rows' fields (shared: do not change them), each row as many times as it stands. */
    @Override
    public Iterator<Object[]> iterator() {
        Iterator<ViewRow> in = rows.values().iterator();
        return new Iterator<>() {
            private ViewRow current;
            private long left;

            @Override
            public boolean hasNext() {
                while (left == 0) {
                    if (!in.hasNext()) {
                        return false;
                    }
                    current = ViewRow.asOf(in.next(), version);
                    left = current == null ? 0 : current.count;
                }
                return true;
            }

            @Override
            public Object[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                left--;
                return current.fields;
            }
        };
    }

    /** Lets the table drop the row versions only this snapshot needed. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            table.release(version);
        }
    }
}
