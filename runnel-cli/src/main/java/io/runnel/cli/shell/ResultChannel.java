package io.runnel.cli.shell;

import io.runnel.sql.data.Row;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands a live query's rows from the job's sink to the shell's drawing thread through a bounded queue. A full queue
 * holds the sink (and so the job) back until the screen has taken rows: memory stays bounded whatever the rate, as
 * with the engine's own channels. Sinks are copied into each subtask by serialization, so a sink finds its channel
 * by id in a registry rather than holding it.
 */
final class ResultChannel implements AutoCloseable {
    private static final Map<String, ResultChannel> OPEN = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong();
    private final String id;
    private final BlockingQueue<Row> rows;
    private volatile boolean closed;

    private ResultChannel(int capacity) {
        this.id = "result-" + IDS.incrementAndGet();
        this.rows = new ArrayBlockingQueue<>(capacity);
    }

    static ResultChannel open(int capacity) {
        ResultChannel c = new ResultChannel(capacity);
        OPEN.put(c.id, c);
        return c;
    }

    /** The open channel of that id, or null once it closed (a sink of a stopped query then drops its rows). */
    static ResultChannel find(String id) {
        return OPEN.get(id);
    }

    String id() {
        return id;
    }

    /** Called by a sink's thread: waits while the queue is full; gives up once the channel is closed. */
    void put(Row row) throws InterruptedException {
        while (!closed && !rows.offer(row, 100, TimeUnit.MILLISECONDS)) {
            // the screen is behind; wait for it (or for the query to be stopped)
        }
    }

    /** Moves up to {@code max} queued rows into {@code into}; returns how many. */
    int drain(List<Row> into, int max) {
        return rows.drainTo(into, max);
    }

    @Override
    public void close() {
        closed = true;
        OPEN.remove(id);
        rows.clear();
    }
}
