package io.runnel.connectors.file;

import java.io.IOException;

/** A line that its parser rejected; the message names the file, the line number and a snippet. */
public final class MalformedLineException extends IOException {
    private static final long serialVersionUID = 1L;
    private static final int SNIPPET = 120;

    public MalformedLineException(String path, long lineNumber, String line, Throwable cause) {
        super("malformed line " + lineNumber + " of " + path + ": " + snippet(line) + " (" + cause.getMessage() + ")", cause);
    }

    private static String snippet(String line) {
        return line.length() <= SNIPPET ? "'" + line + "'" : "'" + line.substring(0, SNIPPET) + "...'";
    }
}
