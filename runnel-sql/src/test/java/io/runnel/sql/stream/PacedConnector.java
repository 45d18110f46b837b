package io.runnel.sql.stream;

import io.runnel.api.DataStream;
import io.runnel.api.StreamEnvironment;
import io.runnel.api.functions.MapFunction;
import io.runnel.api.state.CheckpointedFunction;
import io.runnel.api.state.FunctionInitializationContext;
import io.runnel.api.state.FunctionSnapshotContext;
import io.runnel.sql.connect.TableConnector;
import io.runnel.sql.data.Row;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code 'connector' = 'paced'}: registered rows, read in order at parallelism 1 with a pause every few rows, so they
 * spread over several triggers; at each checkpoint barrier it records how many rows went before it. The rows before
 * barrier n are then exactly the input of trigger n.
 */
public final class PacedConnector implements TableConnector {
    private static final Map<String, List<Row>> DATA = new ConcurrentHashMap<>();
    static final Map<String, List<Long>> PREFIXES = new ConcurrentHashMap<>();
    private static final AtomicInteger IDS = new AtomicInteger();

    static String register(List<Row> rows) {
        String id = "paced-" + IDS.incrementAndGet();
        DATA.put(id, List.copyOf(rows));
        PREFIXES.put(id, new CopyOnWriteArrayList<>());
        return id;
    }

    @Override
    public String identifier() {
        return "paced";
    }

    @Override
    public Set<String> options() {
        return Set.of("data-id");
    }

    @Override
    public Map<String, String> availableNow(String table, Map<String, String> options) {
        return options;
    }

    @Override
    public DataStream<Row> source(StreamEnvironment env, SourceRequest request) {
        String id = request.options().get("data-id");
        return env.fromCollection(DATA.get(id)).name("paced[" + request.table() + "]").setParallelism(1)
                .map(new Pace(id)).name("pace").setParallelism(1);
    }

    /** A pause every 5 rows; counts the rows and records the count at each barrier. */
    static final class Pace implements MapFunction<Row, Row>, CheckpointedFunction {
        private final String id;
        private long seen;

        Pace(String id) {
            this.id = id;
        }

        @Override
        public Row map(Row row) throws Exception {
            if (++seen % 5 == 0) {
                Thread.sleep(1);
            }
            return row;
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {
            PREFIXES.get(id).add(seen);
        }

        @Override
        public void initializeState(FunctionInitializationContext context) {}
    }
}
