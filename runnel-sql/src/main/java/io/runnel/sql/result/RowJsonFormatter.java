package io.runnel.sql.result;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.runnel.connectors.file.LineFormatter;
import io.runnel.sql.data.Row;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;

/**
 * A row as one line of JSON, its fields named as the query's columns (see {@link JsonShape} for the values). One
 * generator and buffer per instance are reused line after line; a sink's subtasks each get their own copy.
 */
public final class RowJsonFormatter implements LineFormatter<Row> {
    private static final long serialVersionUID = 1L;
    private static final JsonFactory JSON = new JsonFactory();
    private final JsonShape shape;
    private transient StringWriter buffer;
    private transient JsonGenerator json;

    public RowJsonFormatter(RelDataType rowType) {
        this.shape = JsonShape.of(rowType);
    }

    @Override
    public String format(Row row) throws IOException {
        if (json == null) {
            buffer = new StringWriter(256);
            json = JSON.createGenerator(buffer);
            json.setRootValueSeparator(null); // one object per line, no separator between reused writes
            json.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        }
        buffer.getBuffer().setLength(0);
        writeRow(row.fields(), shape);
        json.flush();
        return buffer.toString();
    }

    private void writeRow(Object[] fields, JsonShape row) throws IOException {
        json.writeStartObject();
        for (int i = 0; i < fields.length; i++) {
            json.writeFieldName(row.names().get(i));
            write(fields[i], row.children().get(i));
        }
        json.writeEndObject();
    }

    private void write(Object v, JsonShape s) throws IOException {
        if (v == null) {
            json.writeNull();
            return;
        }
        switch (s.kind()) {
            case DATE -> json.writeString(LocalDate.ofEpochDay(((Number) v).longValue()).toString());
            case TIME -> json.writeString(LocalTime.ofNanoOfDay(((Number) v).longValue() * 1_000_000L).toString());
            case BYTES -> json.writeBinary((byte[]) v);
            case ROW -> writeRow((Object[]) v, s);
            case ARRAY -> {
                json.writeStartArray();
                for (Object e : (List<?>) v) {
                    write(e, s.children().get(0));
                }
                json.writeEndArray();
            }
            case MAP -> {
                json.writeStartObject();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                    json.writeFieldName(String.valueOf(e.getKey()));
                    write(e.getValue(), s.children().get(0));
                }
                json.writeEndObject();
            }
            case PLAIN -> plain(v);
        }
    }

    private void plain(Object v) throws IOException {
        if (v instanceof Long l) {
            json.writeNumber(l);
        } else if (v instanceof Integer i) {
            json.writeNumber(i);
        } else if (v instanceof BigDecimal d) {
            json.writeNumber(d);
        } else if (v instanceof Double d) {
            json.writeNumber(d);
        } else if (v instanceof Float f) {
            json.writeNumber(f);
        } else if (v instanceof Short sh) {
            json.writeNumber(sh);
        } else if (v instanceof Byte b) {
            json.writeNumber(b);
        } else if (v instanceof Boolean b) {
            json.writeBoolean(b);
        } else {
            json.writeString(v.toString());
        }
    }
}
