package io.runnel.sql.live;

import io.runnel.api.StreamEnvironment;
import io.runnel.api.connector.Sink;
import io.runnel.api.connector.SinkContext;
import io.runnel.api.connector.SinkWriter;
import io.runnel.sql.SqlEnvironment;
import io.runnel.sql.data.Row;
import io.runnel.sql.planner.PlannedQuery;
import io.runnel.sql.planner.PlannerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.calcite.rel.type.RelDataType;

/**
 * A catalog table read whole for an ad-hoc query: a bounded job over the table as it is now (Structured Streaming's
 * availableNow: a Kafka topic up to its end offsets, the files there are), its rows folded into the table it leaves.
 * A table that never ends (a generator without a row count) is refused with the connector's reason.
 */
final class BoundedRead {
    private static final Map<String, List<Row>> RESULTS = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong();
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private BoundedRead() {}

    /** The row type of {@code table}, planned under the catalog's lock. */
    static RelDataType rowType(SqlEnvironment catalog, String table) {
        synchronized (catalog) {
            return catalog.newJob(StreamEnvironment.create()).planQuery(select(table)).rowType();
        }
    }

    /** Every row of {@code table} now, as Calcite's executor takes them. */
    static List<Object[]> rows(SqlEnvironment catalog, String table) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(1);
        String id = "read-" + IDS.incrementAndGet();
        RESULTS.put(id, java.util.Collections.synchronizedList(new ArrayList<>()));
        try {
            PlannedQuery q;
            synchronized (catalog) {
                q = catalog.newJob(env).planQuery(select(table), Map.of(PlannerOptions.AVAILABLE_NOW, "true"));
            }
            q.stream().sinkTo(new Collect(id)).name("ad-hoc read of " + table).setParallelism(1);
            env.executeAsync("ad-hoc read of " + table).await(TIMEOUT);
            ViewTable folded = new ViewTable(q.mode().insertOnly() ? new int[0] : q.mode().upsertKey());
            RESULTS.get(id).forEach(folded::apply);
            List<Object[]> out = new ArrayList<>();
            try (ViewSnapshot s = folded.snapshot()) {
                s.forEach(out::add);
            }
            return out;
        } finally {
            RESULTS.remove(id);
        }
    }

    private static String select(String table) {
        return "SELECT * FROM `" + table.replace("`", "``") + "`";
    }

    /** Hands a bounded job's changelog to the reader in this process. */
    private record Collect(String id) implements Sink<Row> {
        @Override
        public SinkWriter<Row> createWriter(SinkContext context) {
            List<Row> into = RESULTS.get(id);
            return (row, ts) -> into.add(row);
        }
    }
}
