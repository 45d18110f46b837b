package io.runnel.sql.live;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A view's changes as they happen, from a snapshot on (Materialize's SUBSCRIBE): each a version, a diff (+n: the row
 * came n times, -n: went) and the row. The queue is bounded: a reader that falls that far behind is cut off, so a
 * slow client never holds the writer or grows its memory.
 */
public final class ViewSubscription implements AutoCloseable {
    /** One change: the table's version after it, +n or -n, and the row's fields (shared: do not change them). */
    public record Change(long version, long diff, Object[] fields) {}

    private final ViewTable table;
    private final ArrayBlockingQueue<Change> queue;
    private volatile boolean overflowed;
    private volatile boolean closed;

    ViewSubscription(ViewTable table, int capacity) {
        this.table = table;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Called by the writer under its lock; false when the reader fell behind and was cut off. */
    boolean offer(Change c) {
        if (!queue.offer(c)) {
            overflowed = true;
            return false;
        }
        return true;
    }

    /** The next change, waiting at most {@code millis}; null if none came. Throws once the reader fell behind. */
    public Change poll(long millis) throws InterruptedException {
        Change c = queue.poll(millis, TimeUnit.MILLISECONDS);
        if (c == null && overflowed) {
            throw new IllegalStateException("the subscription fell more than " + (queue.size() + queue.remainingCapacity())
                    + " changes behind the view and was ended; read faster or subscribe again");
        }
        return c;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            table.unsubscribe(this);
        }
    }
}
