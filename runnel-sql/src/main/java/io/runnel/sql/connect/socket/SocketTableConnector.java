package io.runnel.sql.connect.socket;

import io.runnel.api.DataStream;
import io.runnel.api.StreamEnvironment;
import io.runnel.api.time.WatermarkStrategy;
import io.runnel.connectors.socket.SocketTextSource;
import io.runnel.sql.connect.ConnectorOptions;
import io.runnel.sql.connect.DecodeLines;
import io.runnel.sql.connect.TableConnector;
import io.runnel.sql.data.Row;
import io.runnel.sql.format.Formats;
import io.runnel.sql.format.RowDecoder;
import java.util.Set;

/**
 * {@code 'connector' = 'socket'}: the lines a peer sends to {@code 'hostname'}:{@code 'port'}, each decoded by
 * {@code 'format'} (raw for one STRING column, json or csv), until the peer closes the connection, as Flink's example
 * socket connector and Spark's socket source. One reader connects; after a restore it reads on from what the peer
 * sends next (a socket cannot replay).
 */
public final class SocketTableConnector implements TableConnector {
    static final String HOSTNAME = "hostname";
    static final String PORT = "port";
    static final String FORMAT = "format";

    @Override
    public String identifier() {
        return "socket";
    }

    @Override
    public Set<String> options() {
        return Set.of(HOSTNAME, PORT, FORMAT);
    }

    @Override
    public DataStream<Row> source(StreamEnvironment env, SourceRequest request) {
        ConnectorOptions o = new ConnectorOptions(request.table(), identifier(), request.options());
        o.checkKnown(Set.of(HOSTNAME, PORT, FORMAT), Formats.optionPrefixes(o, FORMAT));
        String host = o.get(HOSTNAME, "localhost");
        long port = o.getLong(PORT, -1);
        if (port < 0 || port > 65535) {
            throw o.error("'" + PORT + "' is required: the port to read lines from (0..65535)");
        }
        RowDecoder decoder = Formats.decoder(o, FORMAT, request.physicalType());
        return env.fromSource(new SocketTextSource(host, (int) port), WatermarkStrategy.noWatermarks(),
                        "socket[" + request.table() + ": " + host + ":" + port + "]").setParallelism(1)
                .flatMap(new DecodeLines(request.table(), decoder)).name("decode[" + o.get(FORMAT) + "]");
    }
}
