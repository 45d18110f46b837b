package io.runnel.connectors.file;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;

/** A line that its parser rejected; the message names the file, the line number and a snippet. */
public final class MalformedLineException extends IOException {
    private static final long serialVersionUID = 1L;
    private static final int SNIPPET = 120;

    public MalformedLineException(String path, long lineNumber, String line, Throwable cause) {
        super("malformed line " + lineNumber + " of " + path + ": " + snippet(line) + " (" + reason(cause) + ")", cause);
    }

    /** Jackson's own message without its multi-line source location, plus the column. */
    private static String reason(Throwable cause) {
        if (cause instanceof JsonProcessingException j) {
            JsonLocation at = j.getLocation();
            return j.getOriginalMessage() + (at != null && at.getColumnNr() > 0 ? ", at column " + at.getColumnNr() : "");
        }
        return String.valueOf(cause.getMessage());
    }

    private static String snippet(String line) {
        return line.length() <= SNIPPET ? "'" + line + "'" : "'" + line.substring(0, SNIPPET) + "...'";
    }
}
