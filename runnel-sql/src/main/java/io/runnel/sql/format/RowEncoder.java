package io.runnel.sql.format;

import io.runnel.sql.data.Row;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/** Writes a row as one message (Kafka) or one line of text (files). */
public interface RowEncoder extends Serializable {
    byte[] encode(Row row);

    /** As {@link #encode}, as text without a line terminator. */
    default String encodeText(Row row) {
        return new String(encode(row), StandardCharsets.UTF_8);
    }
}
