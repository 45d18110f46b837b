package io.runnel.log;

/** A batch is larger than the configured maximum ({@code message.max.bytes}). Nothing was written. */
public class BatchTooLargeException extends LogException {
    public BatchTooLargeException(String message) {
        super(message);
    }
}
