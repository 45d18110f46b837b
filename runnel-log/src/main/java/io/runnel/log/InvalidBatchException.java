package io.runnel.log;

/** A record batch is malformed: bad framing, wrong magic or CRC mismatch. Nothing was written. */
public class InvalidBatchException extends LogException {
    public InvalidBatchException(String message) {
        super(message);
    }
}
