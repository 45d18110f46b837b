package io.runnel.sql.format;

import io.runnel.sql.data.Row;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads the rows one message holds. A message the format cannot read throws a
 * {@link FormatException} naming the field, unless the table ignores parse errors: then it is
 * skipped and counted. Connectors add where the message was (file and line, topic, partition and offset).
 */
public interface RowDecoder extends Serializable {
    /** Passes the rows of {@code message} to {@code out}: one for most formats, two for a debezium update. */
    void decode(byte[] message, Consumer<Row> out);

    /** As {@link #decode(byte[], Consumer)}, for a line of text. */
    default void decode(String line, Consumer<Row> out) {
        decode(line.getBytes(StandardCharsets.UTF_8), out);
    }

    /** Whether it yields update and delete rows (debezium-json), not inserts only. */
    default boolean producesChanges() {
        return false;
    }

    /** How many bad messages were skipped because the table ignores parse errors. */
    long skipped();
}
