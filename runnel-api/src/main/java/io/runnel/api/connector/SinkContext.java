package io.runnel.api.connector;

/** What a sink writer knows about where it runs. */
public interface SinkContext {
    int subtaskIndex();

    int parallelism();
}
