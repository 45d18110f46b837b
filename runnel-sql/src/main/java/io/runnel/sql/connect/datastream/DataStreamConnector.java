package io.runnel.sql.connect.datastream;

import io.runnel.api.DataStream;
import io.runnel.api.StreamEnvironment;
import io.runnel.sql.connect.TableConnector;
import io.runnel.sql.data.Row;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code 'connector' = 'datastream'}: the rows of a stream already on the job, registered by
 * {@link #register(StreamEnvironment, DataStream)}. Streams are held per environment, weakly, so a finished job's
 * streams go with it.
 */
public final class DataStreamConnector implements TableConnector {
    private static final Map<StreamEnvironment, Map<String, DataStream<Row>>> STREAMS = new WeakHashMap<>();
    private static final AtomicLong IDS = new AtomicLong();

    /** Registers {@code rows} and returns the {@code 'stream-id'} that reads them on {@code env}'s job. */
    public static String register(StreamEnvironment env, DataStream<Row> rows) {
        String id = "stream-" + IDS.incrementAndGet();
        synchronized (STREAMS) {
            STREAMS.computeIfAbsent(env, e -> new java.util.HashMap<>()).put(id, rows);
        }
        return id;
    }

    @Override
    public String identifier() {
        return "datastream";
    }

    @Override
    public Set<String> options() {
        return Set.of("stream-id");
    }

    @Override
    public DataStream<Row> source(StreamEnvironment env, SourceRequest request) {
        DataStream<Row> rows;
        synchronized (STREAMS) {
            rows = STREAMS.getOrDefault(env, Map.of()).get(request.options().get("stream-id"));
        }
        if (rows == null) {
            throw new IllegalArgumentException("table " + request.table() + ": its stream belongs to another environment's job"
                    + " (a table from fromDataStream is read on the job of the stream)");
        }
        return rows;
    }
}
