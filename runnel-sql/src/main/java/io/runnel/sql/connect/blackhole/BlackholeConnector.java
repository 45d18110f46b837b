package io.runnel.sql.connect.blackhole;

import io.runnel.api.DataStream;
import io.runnel.api.StreamEnvironment;
import io.runnel.sql.connect.TableConnector;
import io.runnel.sql.data.Row;
import java.util.Map;
import java.util.Set;

/** {@code 'connector' = 'blackhole'}: drops every row (the job's result still counts them), as Flink's. */
public final class BlackholeConnector implements TableConnector {
    @Override
    public String identifier() {
        return "blackhole";
    }

    @Override
    public Set<String> options() {
        return Set.of();
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
        return true;
    }

    @Override
    public DataStream<Row> source(StreamEnvironment env, SourceRequest request) {
        throw new IllegalArgumentException("table " + request.table() + ": connector 'blackhole' cannot be read from");
    }

    @Override
    public void sink(DataStream<Row> rows, SinkRequest request) {
        rows.sinkTo(context -> (row, timestamp) -> { }).name("blackhole[" + request.table() + "]");
    }
}
