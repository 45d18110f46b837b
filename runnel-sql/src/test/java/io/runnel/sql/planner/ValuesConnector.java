package io.runnel.sql.planner;

import io.runnel.api.DataStream;
import io.runnel.api.StreamEnvironment;
import io.runnel.sql.connect.TableConnector;
import io.runnel.sql.data.Row;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test connector {@code 'connector' = 'values'}: a table's rows come from a static registry under {@code 'data-id'}, as
 * Flink's. {@code 'changelog-mode' = 'upsert'} reads them as upserts (a versioned table's changes), {@code 'all'} as a
 * retracting changelog; by default they are inserts.
 */
public final class ValuesConnector implements TableConnector {
    private static final Map<String, List<Row>> DATA = new ConcurrentHashMap<>();
    private static final AtomicInteger IDS = new AtomicInteger();
    /** When set (a test's failure run), every values source fails once at this row, throttled so checkpoints complete first. */
    static volatile long failAt;

    /** Registers rows and returns the {@code 'data-id'} that reads them. */
    public static String register(List<Row> rows) {
        String id = "values-" + IDS.incrementAndGet();
        DATA.put(id, List.copyOf(rows));
        return id;
    }

    @Override
    public String identifier() {
        return "values";
    }

    @Override
    public Set<String> options() {
        return Set.of("data-id", "changelog-mode");
    }

    @Override
    public boolean sourceIsUpsert(Map<String, String> options) {
        return "upsert".equals(options.get("changelog-mode"));
    }

    @Override
    public boolean sourceProducesChanges(Map<String, String> options) {
        return "all".equals(options.get("changelog-mode"));
    }

    @Override
    public DataStream<Row> source(StreamEnvironment env, SourceRequest request) {
        List<Row> rows = DATA.get(request.options().get("data-id"));
        if (rows == null) {
            throw new IllegalArgumentException("table " + request.table() + ": no rows registered under 'data-id'");
        }
        DataStream<Row> in = env.fromCollection(rows).name("values[" + request.table() + "]");
        return failAt > 0 ? in.map(new Throttle()).map(new io.runnel.testing.FailOnce<>(failAt)) : in;
    }

    /** A short sleep every few rows, so checkpoints complete before the injected failure. */
    static final class Throttle implements io.runnel.api.functions.MapFunction<Row, Row> {
        private int n;

        @Override
        public Row map(Row row) throws Exception {
            if (++n % 5 == 0) {
                Thread.sleep(2);
            }
            return row;
        }
    }
}
