package io.runnel.log;

/** A read asked for an offset below the log start or above the log end. */
public class OffsetOutOfRangeException extends LogException {
    public OffsetOutOfRangeException(String message) {
        super(message);
    }
}
