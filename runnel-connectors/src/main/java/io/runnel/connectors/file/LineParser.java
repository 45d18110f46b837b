package io.runnel.connectors.file;

import java.io.Serializable;
import java.nio.file.Path;

/** Turns one line of text (without its line terminator) into a record, or null to skip the line. */
@FunctionalInterface
public interface LineParser<T> extends Serializable {
    T parse(String line) throws Exception;

    /** As {@link #parse(String)}, told the file the line is in: a parser that reports the file overrides it. */
    default T parse(String line, Path file) throws Exception {
        return parse(line);
    }
}
