package io.runnel.log;

/** A topic with that name already exists. */
public class TopicExistsException extends LogException {
    public TopicExistsException(String message) {
        super(message);
    }
}
