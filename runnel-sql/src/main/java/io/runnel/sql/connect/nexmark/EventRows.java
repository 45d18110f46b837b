package io.runnel.sql.connect.nexmark;

import io.runnel.api.functions.Collector;
import io.runnel.api.functions.FlatMapFunction;
import io.runnel.connectors.nexmark.Event;
import io.runnel.sql.data.Row;

/** One table's rows out of the shared event stream: chained to the source, it allocates only the row. */
final class EventRows implements FlatMapFunction<Event, Row> {
    private static final long serialVersionUID = 1L;
    private final NexmarkTable table;

    EventRows(NexmarkTable table) {
        this.table = table;
    }

    @Override
    public void flatMap(Event e, Collector<Row> out) {
        if (e.kind() == table.kind) {
            out.collect(table.row(e));
        }
    }
}
