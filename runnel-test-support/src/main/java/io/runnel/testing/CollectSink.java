package io.runnel.testing;

import io.runnel.api.connector.Sink;
import io.runnel.api.connector.SinkContext;
import io.runnel.api.connector.SinkWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A sink that collects every record of a job in this JVM. The runtime copies sinks per subtask,
 * so records go to a static registry under this sink's id; read them with {@link #results()}.
 * Call {@link #clear()} when done to free them.
 */
public final class CollectSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;
    private static final Map<String, ConcurrentLinkedQueue<Object>> RESULTS = new ConcurrentHashMap<>();
    private final String id = UUID.randomUUID().toString();

    public CollectSink() {
        RESULTS.put(id, new ConcurrentLinkedQueue<>());
    }

    @Override
    public SinkWriter<T> createWriter(SinkContext context) {
        ConcurrentLinkedQueue<Object> q = RESULTS.get(id);
        if (q == null) throw new IllegalStateException("CollectSink " + id + " was cleared");
        return (record, ts) -> q.add(record);
    }

    /** Every record collected so far, in arrival order (interleaved across subtasks). */
    @SuppressWarnings("unchecked")
    public List<T> results() {
        ConcurrentLinkedQueue<Object> q = RESULTS.get(id);
        return q == null ? List.of() : (List<T>) new ArrayList<>(q);
    }

    public void clear() {
        RESULTS.remove(id);
    }
}
