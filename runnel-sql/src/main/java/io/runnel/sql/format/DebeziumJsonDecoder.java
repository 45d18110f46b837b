package io.runnel.sql.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.runnel.sql.data.Row;
import io.runnel.sql.data.RowKind;
import java.util.function.Consumer;

/**
 * {@code 'format' = 'debezium-json'}: Debezium's change events, {@code {"before": ..., "after": ..., "op": ...}}
 * (inside {@code "payload"} when {@code debezium-json.schema-include} is set). Create and read
 * ({@code c}, {@code r}) give an insert, update ({@code u}) an update-before of {@code before} and an
 * update-after of {@code after}, delete ({@code d}) a delete of {@code before}; a tombstone (null
 * message) gives nothing.
 */
public final class DebeziumJsonDecoder implements RowDecoder {
    private static final long serialVersionUID = 1L;
    private final FieldType rowType;
    private final JsonFormatOptions options;
    private final boolean schemaInclude;
    private final ParseErrors errors;

    public DebeziumJsonDecoder(FieldType rowType, JsonFormatOptions options, boolean schemaInclude) {
        this.rowType = rowType;
        this.options = options;
        this.schemaInclude = schemaInclude;
        this.errors = new ParseErrors("debezium-json", options.ignoreParseErrors());
    }

    @Override
    public void decode(byte[] message, Consumer<Row> out) {
        if (message == null) {
            return;
        }
        try {
            read(JsonRowDecoder.parse(message), out);
        } catch (FormatException e) {
            errors.handle(e);
        }
    }

    private void read(JsonNode event, Consumer<Row> out) {
        JsonNode root = event;
        if (schemaInclude) {
            root = event.get("payload");
            if (root == null || !root.isObject()) {
                throw new FormatException("no \"payload\" object ('debezium-json.schema-include' is true)");
            }
        } else if (event.has("payload") && event.has("schema") && !event.has("op")) {
            throw new FormatException("the event has \"schema\" and \"payload\": set 'debezium-json.schema-include' = 'true'");
        }
        JsonNode op = root.get("op");
        if (op == null || !op.isTextual()) {
            throw new FormatException("no \"op\" field: not a Debezium change event");
        }
        switch (op.textValue()) {
            case "c", "r" -> out.accept(row(RowKind.INSERT, root, "after", op.textValue()));
            case "u" -> {
                Row before = row(RowKind.UPDATE_BEFORE, root, "before", "u");
                Row after = row(RowKind.UPDATE_AFTER, root, "after", "u");
                out.accept(before);
                out.accept(after);
            }
            case "d" -> out.accept(row(RowKind.DELETE, root, "before", "d"));
            default -> throw new FormatException("unknown \"op\" '" + op.textValue() + "' (Debezium's are c, r, u, d)");
        }
    }

    private Row row(RowKind kind, JsonNode root, String member, String op) {
        JsonNode image = root.get(member);
        if (image == null || image.isNull()) {
            throw new FormatException("the \"" + member + "\" of an op '" + op + "' event is null"
                    + (member.equals("before") ? " (a Postgres source table needs REPLICA IDENTITY FULL)" : ""));
        }
        return new Row(kind, JsonValues.readRow(rowType, image, member, options.failOnMissingField()));
    }

    @Override
    public boolean producesChanges() {
        return true;
    }

    @Override
    public long skipped() {
        return errors.skipped();
    }
}
