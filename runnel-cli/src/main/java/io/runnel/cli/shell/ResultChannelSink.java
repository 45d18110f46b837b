package io.runnel.cli.shell;

import io.runnel.api.connector.Sink;
import io.runnel.api.connector.SinkContext;
import io.runnel.api.connector.SinkWriter;
import io.runnel.sql.data.Row;

/** A live query's sink: every change row goes to the shell's {@link ResultChannel} of the given id. */
final class ResultChannelSink implements Sink<Row> {
    private static final long serialVersionUID = 1L;
    private final String channel;

    ResultChannelSink(String channel) {
        this.channel = channel;
    }

    @Override
    public SinkWriter<Row> createWriter(SinkContext context) {
        ResultChannel c = ResultChannel.find(channel);
        return (row, timestamp) -> {
            if (c != null) {
                c.put(new Row(row.kind(), row.fields())); // the kind is mutable upstream; keep the one it has now
            }
        };
    }
}
