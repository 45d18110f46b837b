package io.runnel.sql.connect.print;

import io.runnel.api.DataStream;
import io.runnel.sql.connect.SinkConnector;
import io.runnel.sql.data.Row;
import io.runnel.sql.result.ChangelogPrintSink;
import java.util.Set;

/**
 * {@code 'connector' = 'print' [, 'print-identifier' = 'x']}: every row, changes too, on standard output as
 * {@code +I[...]}, {@code -U[...]}, {@code +U[...]}, {@code -D[...]}, prefixed with {@code x> } when an identifier is given.
 */
public final class PrintConnector extends SinkConnector {
    static final String IDENTIFIER = "print-identifier";

    @Override
    public String identifier() {
        return "print";
    }

    @Override
    public Set<String> options() {
        return Set.of(IDENTIFIER);
    }

    @Override
    public void sink(DataStream<Row> rows, SinkRequest request) {
        for (String key : request.options().keySet()) {
            if (!key.equals("connector") && !key.equals(IDENTIFIER)) {
                throw new IllegalArgumentException("table " + request.table() + ": unknown option '" + key
                        + "' for connector 'print' (it takes 'print-identifier')");
            }
        }
        rows.sinkTo(new ChangelogPrintSink(request.physicalType(), request.options().get(IDENTIFIER)))
                .name("print[" + request.table() + "]");
    }
}
