package io.runnel.sql.script;

import io.runnel.api.DataStream;
import io.runnel.api.StreamEnvironment;
import io.runnel.sql.connect.TableConnector;
import io.runnel.sql.data.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Test sink {@code 'connector' = 'collect'}: rows land in a static registry under {@code 'sink-id'}; {@code 'changes'} says whether it takes updates. */
public final class CollectConnector implements TableConnector {
    private static final Map<String, List<Row>> ROWS = new ConcurrentHashMap<>();

    public static List<Row> rows(String id) {
        List<Row> rows = ROWS.getOrDefault(id, List.of());
        synchronized (rows) {
            return new ArrayList<>(rows);
        }
    }

    @Override
    public String identifier() {
        return "collect";
    }

    @Override
    public Set<String> options() {
        return Set.of("sink-id", "changes");
    }

    @Override
    public boolean isSource() {
        return false;
    }

    @Override
    public boolean isSink() {
        return true;
    }

    @Override
    public boolean acceptsChanges(Map<String, String> options) {
        return Boolean.parseBoolean(options.getOrDefault("changes", "false"));
    }

    @Override
    public DataStream<Row> source(StreamEnvironment env, SourceRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void sink(DataStream<Row> rows, SinkRequest request) {
        String id = request.options().get("sink-id");
        ROWS.computeIfAbsent(id, k -> new ArrayList<>());
        // The sink is serialized into each task: it finds the list by id there, not by reference.
        rows.sinkTo(ctx -> (row, ts) -> {
            List<Row> list = ROWS.get(id);
            synchronized (list) {
                list.add(row);
            }
        }).name("collect[" + request.table() + "]");
    }
}
