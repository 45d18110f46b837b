package io.runnel.sql.connect.nexmark;

import io.runnel.api.DataStream;
import io.runnel.api.StreamEnvironment;
import io.runnel.api.time.WatermarkStrategy;
import io.runnel.connectors.nexmark.Event;
import io.runnel.connectors.nexmark.NexmarkSource;
import io.runnel.sql.catalog.ColumnDef;
import io.runnel.sql.catalog.WatermarkDef;
import io.runnel.sql.connect.TableConnector;
import io.runnel.sql.data.Row;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code CREATE TABLE bid WITH ('connector' = 'nexmark', 'table' = 'bid' [, 'events' = 'N'] [, 'events-per-second' = 'R'])}:
 * the Nexmark generator's bids (likewise {@code person}, {@code auction}), the very events of the DataStream
 * benchmark. No column list is needed; {@code dateTime} is the event-time attribute with no lag (each generator
 * subtask emits in event-time order). Tables of one job with the same events and rate share one generator, split
 * per table by operators chained to it, so a join of bids and auctions generates each event once.
 */
public final class NexmarkTableConnector implements TableConnector {
    static final String TABLE = "table";
    static final String EVENTS = "events";
    static final String RATE = "events-per-second";
    private static final Map<StreamEnvironment, Map<String, DataStream<Event>>> GENERATORS = new WeakHashMap<>();

    @Override
    public String identifier() {
        return "nexmark";
    }

    /** Only a generator with a set number of events has a "now" to stop at. */
    @Override
    public Map<String, String> availableNow(String table, Map<String, String> options) {
        if (!options.containsKey(EVENTS)) {
            throw new IllegalArgumentException("table " + table + ": a nexmark table without 'events' never ends, so the availableNow"
                    + " and once triggers cannot stop; give it 'events'");
        }
        return options;
    }

    @Override
    public Set<String> options() {
        return Set.of(TABLE, EVENTS, RATE);
    }

    @Override
    public List<ColumnDef> defaultColumns(String table, Map<String, String> options) {
        return table(table, options).columns();
    }

    @Override
    public WatermarkDef defaultWatermark(String table, Map<String, String> options) {
        table(table, options);
        return new WatermarkDef("dateTime", new SqlIdentifier("dateTime", SqlParserPos.ZERO));
    }

    @Override
    public DataStream<Row> source(StreamEnvironment env, SourceRequest request) {
        NexmarkTable table = table(request.table(), request.options());
        List<String> asked = request.physicalType().getFieldNames();
        if (!asked.equals(table.columnNames())) {
            throw new IllegalArgumentException("table " + request.table() + ": a nexmark '" + table.tableName()
                    + "' table has the columns " + table.columnNames() + ", not " + asked + " (declare it without a column list)");
        }
        long events = number(request, EVENTS, Long.MAX_VALUE);
        long rate = number(request, RATE, 0);
        return generator(env, events, rate).flatMap(new EventRows(table)).name("nexmark[" + table.tableName() + "]");
    }

    /** One generator per job, event count and rate. */
    private static DataStream<Event> generator(StreamEnvironment env, long events, long rate) {
        String key = events + "/" + rate;
        synchronized (GENERATORS) {
            return GENERATORS.computeIfAbsent(env, e -> new HashMap<>()).computeIfAbsent(key,
                    k -> env.fromSource(new NexmarkSource(events, rate), WatermarkStrategy.noWatermarks(), "nexmark generator"));
        }
    }

    private static NexmarkTable table(String name, Map<String, String> options) {
        for (String key : options.keySet()) {
            if (!key.equals("connector") && !Set.of(TABLE, EVENTS, RATE).contains(key)) {
                throw new IllegalArgumentException("table " + name + ": unknown option '" + key + "' for connector 'nexmark'"
                        + " (it takes 'table', 'events', 'events-per-second')");
            }
        }
        String which = options.get(TABLE);
        if (which == null) {
            throw new IllegalArgumentException("table " + name + ": connector 'nexmark' needs 'table' = 'person', 'auction' or 'bid'");
        }
        NexmarkTable t = NexmarkTable.named(which);
        if (t == null) {
            throw new IllegalArgumentException("table " + name + ": 'table' = '" + which + "' is not a Nexmark table"
                    + " (person, auction or bid)");
        }
        return t;
    }

    private static long number(SourceRequest request, String key, long dflt) {
        String v = request.options().get(key);
        if (v == null) {
            return dflt;
        }
        try {
            long n = Long.parseLong(v.trim().replace("_", ""));
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("table " + request.table() + ": '" + key + "' = '" + v + "' is not a whole number >= 0");
    }
}
