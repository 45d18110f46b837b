package io.runnel.sql.parser;

/** A statement that does not parse; the message starts with "line L, column C: " (1-based, in the whole script). */
public final class SqlParseError extends RuntimeException {
    private final int line;
    private final int column;
    private final String reason;

    public SqlParseError(int line, int column, String message) {
        super("line " + line + ", column " + column + ": " + message);
        this.line = line;
        this.column = column;
        this.reason = message;
    }

    /** The message without its position. */
    public String reason() {
        return reason;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
