package io.runnel.api.connector;

/** What a reader knows about where it runs. */
public interface SourceReaderContext {
    int subtaskIndex();

    int parallelism();
}
