package io.runnel.connectors.file;

import java.io.Serializable;

/** Turns a record into one line of text; the line must not contain a line terminator. */
@FunctionalInterface
public interface LineFormatter<T> extends Serializable {
    String format(T record) throws Exception;
}
