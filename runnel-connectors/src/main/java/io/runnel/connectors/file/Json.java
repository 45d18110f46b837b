package io.runnel.connectors.file;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The shared Jackson mapper (thread-safe once configured) and JSON-lines parser/formatter. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {}

    static <T> LineParser<T> parser(Class<T> type) {
        // Blank lines (a trailing empty line, say) carry no record; anything else must parse.
        return line -> line.isBlank() ? null : MAPPER.readValue(line, type);
    }

    static <T> LineFormatter<T> formatter() {
        return record -> MAPPER.writeValueAsString(record); // a lambda, not MAPPER::..., which would capture the unserializable mapper
    }
}
