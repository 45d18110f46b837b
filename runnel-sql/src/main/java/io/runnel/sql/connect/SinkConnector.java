package io.runnel.sql.connect;

import io.runnel.api.DataStream;
import io.runnel.api.StreamEnvironment;
import io.runnel.sql.data.Row;
import java.util.Map;

/** A connector that only writes, and takes changes (update and delete rows) as well as inserts. */
public abstract class SinkConnector implements TableConnector {
    @Override
    public final boolean isSource() {
        return false;
    }

    @Override
    public final boolean isSink() {
        return true;
    }

    @Override
    public boolean acceptsChanges(Map<String, String> options) {
        return true;
    }

    @Override
    public final DataStream<Row> source(StreamEnvironment env, SourceRequest request) {
        throw new IllegalArgumentException("table " + request.table() + ": connector '" + identifier() + "' cannot be read from");
    }
}
