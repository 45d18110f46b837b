package io.runnel.sql.format;

/** A message a format cannot read (or a row it cannot write); the message says which field and why. */
public final class FormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FormatException(String message) {
        super(message);
    }

    public FormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
