package io.runnel.sql.connect.blackhole;

import io.runnel.api.DataStream;
import io.runnel.sql.connect.SinkConnector;
import io.runnel.sql.data.Row;
import java.util.Set;

/** {@code 'connector' = 'blackhole'}: drops every row (the job's result still counts them), as Flink's. */
public final class BlackholeConnector extends SinkConnector {
    @Override
    public String identifier() {
        return "blackhole";
    }

    @Override
    public Set<String> options() {
        return Set.of();
    }

    @Override
    public void sink(DataStream<Row> rows, SinkRequest request) {
        rows.sinkTo(context -> (row, timestamp) -> { }).name("blackhole[" + request.table() + "]");
    }
}
