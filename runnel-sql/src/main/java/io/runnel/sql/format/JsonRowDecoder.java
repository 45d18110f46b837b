package io.runnel.sql.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runnel.sql.data.Row;
import java.io.IOException;

/** {@code 'format' = 'json'}: each message one JSON object, its members matched to columns by name. */
public final class JsonRowDecoder extends SingleRowDecoder {
    private static final long serialVersionUID = 1L;
    /** Decimals read exactly; one shared, thread-safe mapper. */
    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final FieldType rowType;
    private final JsonFormatOptions options;

    public JsonRowDecoder(FieldType rowType, JsonFormatOptions options) {
        super("json", options.ignoreParseErrors());
        this.rowType = rowType;
        this.options = options;
    }

    @Override
    protected Row read(byte[] message) {
        if (message == null) {
            return null;
        }
        return toRow(parse(message));
    }

    @Override
    protected Row read(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            return toRow(MAPPER.readTree(line));
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    /** The JSON tree of a message; FormatException for malformed JSON. */
    static JsonNode parse(byte[] message) {
        try {
            return MAPPER.readTree(message);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new FormatException("cannot read the message: " + e.getMessage(), e);
        }
    }

    static FormatException malformed(JsonProcessingException e) {
        var at = e.getLocation();
        return new FormatException("malformed JSON: " + e.getOriginalMessage()
                + (at != null && at.getColumnNr() > 0 ? " at column " + at.getColumnNr() : ""), e);
    }

    private Row toRow(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return null;
        }
        return Row.insert(JsonValues.readRow(rowType, node, "", options.failOnMissingField()));
    }
}
