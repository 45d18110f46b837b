package io.runnel.log;

/** A topic name or partition count is not acceptable; the message says why. */
public class InvalidTopicException extends LogException {
    public InvalidTopicException(String message) {
        super(message);
    }
}
