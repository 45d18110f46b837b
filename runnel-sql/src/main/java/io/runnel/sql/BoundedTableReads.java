package io.runnel.sql;

import io.runnel.api.StreamEnvironment;
import io.runnel.api.connector.Sink;
import io.runnel.api.connector.SinkContext;
import io.runnel.api.connector.SinkWriter;
import io.runnel.sql.data.Row;
import io.runnel.sql.live.CatalogTables;
import io.runnel.sql.live.ViewSnapshot;
import io.runnel.sql.live.ViewTable;
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
 * The catalog's tables read whole for ad-hoc queries: a bounded job over a table as it is now (Structured Streaming's
 * availableNow: a Kafka topic up to its end offsets, the files there are), its rows folded into the table it leaves.
 * A table that never ends (a generator without a row count) is refused with the connector's reason. Planning holds
 * the catalog's monitor: the planner is shared and not thread-safe.
 */
public final class BoundedTableReads implements CatalogTables {
    private static final Map<String, List<Row>> RESULTS = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong();
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final SqlEnvironment catalog;

    public BoundedTableReads(SqlEnvironment catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<String> names() {
        synchronized (catalog) {
            return catalog.tableNames().stream().filter(n -> !catalog.isView(n)).toList();
        }
    }

    @Override
    public RelDataType rowType(String table) {
        synchronized (catalog) {
            return catalog.newJob(StreamEnvironment.create()).planQuery(select(table)).rowType();
        }
    }

    @Override
    public List<Object[]> rows(String table) throws Exception {
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
