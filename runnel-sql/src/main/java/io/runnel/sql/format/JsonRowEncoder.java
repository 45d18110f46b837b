package io.runnel.sql.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.runnel.sql.data.Row;
import java.io.IOException;
import java.io.UncheckedIOException;

/** {@code 'format' = 'json'}: a row as one JSON object of its columns (the row kind is not written). */
public final class JsonRowEncoder implements RowEncoder {
    private static final long serialVersionUID = 1L;
    private static final JsonFactory FACTORY = new JsonFactory();
    private final FieldType rowType;
    private final JsonFormatOptions options;
    private transient ByteArrayBuilder buffer;

    public JsonRowEncoder(FieldType rowType, JsonFormatOptions options) {
        this.rowType = rowType;
        this.options = options;
    }

    @Override
    public byte[] encode(Row row) {
        return write(row.fields());
    }

    /** The object of {@code fields} as bytes; the buffer is reused between rows. */
    byte[] write(Object[] fields) {
        if (buffer == null) {
            buffer = new ByteArrayBuilder(256);
        }
        buffer.reset();
        try (JsonGenerator g = FACTORY.createGenerator(buffer)) {
            JsonValues.writeRow(g, rowType, fields, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    FieldType rowType() {
        return rowType;
    }

    JsonFormatOptions options() {
        return options;
    }
}
