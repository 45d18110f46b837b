package io.runnel.log;

/** A log operation failed for a reason the caller can report; the message names what and where. */
public class LogException extends RuntimeException {
    public LogException(String message) {
        super(message);
    }

    public LogException(String message, Throwable cause) {
        super(message, cause);
    }
}
