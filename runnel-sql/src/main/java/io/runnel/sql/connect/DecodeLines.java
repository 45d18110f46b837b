package io.runnel.sql.connect;

import io.runnel.api.functions.Collector;
import io.runnel.api.functions.FlatMapFunction;
import io.runnel.sql.data.Row;
import io.runnel.sql.format.FormatException;
import io.runnel.sql.format.RowDecoder;

/** Lines decoded by a format that may give several rows per line (debezium-json); errors name the table and the line. */
public final class DecodeLines implements FlatMapFunction<String, Row> {
    private static final long serialVersionUID = 1L;
    private final String table;
    private final RowDecoder decoder;

    public DecodeLines(String table, RowDecoder decoder) {
        this.table = table;
        this.decoder = decoder;
    }

    @Override
    public void flatMap(String line, Collector<Row> out) {
        if (line.isBlank()) {
            return;
        }
        try {
            decoder.decode(line, out::collect);
        } catch (FormatException e) {
            throw new FormatException("table " + table + ": " + e.getMessage() + ", in line '"
                    + (line.length() <= 120 ? line : line.substring(0, 120) + "...") + "'", e);
        }
    }
}
