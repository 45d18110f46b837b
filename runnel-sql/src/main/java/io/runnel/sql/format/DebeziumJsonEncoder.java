package io.runnel.sql.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.runnel.sql.data.Row;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@code 'format' = 'debezium-json'} written: an insert or update-after as
 * {@code {"before":null,"after":{...},"op":"c"}}, an update-before or delete as
 * {@code {"before":{...},"after":null,"op":"d"}} (as Flink writes them).
 */
public final class DebeziumJsonEncoder implements RowEncoder {
    private static final long serialVersionUID = 1L;
    private static final JsonFactory FACTORY = new JsonFactory();
    private final FieldType rowType;
    private final JsonFormatOptions options;
    private transient ByteArrayBuilder buffer;

    public DebeziumJsonEncoder(FieldType rowType, JsonFormatOptions options) {
        this.rowType = rowType;
        this.options = options;
    }

    @Override
    public byte[] encode(Row row) {
        if (buffer == null) {
            buffer = new ByteArrayBuilder(256);
        }
        buffer.reset();
        boolean added = row.kind().accumulates();
        try (JsonGenerator g = FACTORY.createGenerator(buffer)) {
            g.writeStartObject();
            g.writeFieldName("before");
            if (added) {
                g.writeNull();
            } else {
                JsonValues.writeRow(g, rowType, row.fields(), options);
            }
            g.writeFieldName("after");
            if (added) {
                JsonValues.writeRow(g, rowType, row.fields(), options);
            } else {
                g.writeNull();
            }
            g.writeStringField("op", added ? "c" : "d");
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }
}
