package io.runnel.connectors.file;

import java.io.Serializable;

/** Turns one line of text (without its line terminator) into a record, or null to skip the line. */
@FunctionalInterface
public interface LineParser<T> extends Serializable {
    T parse(String line) throws Exception;
}
