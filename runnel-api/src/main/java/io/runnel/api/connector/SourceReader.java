package io.runnel.api.connector;

import java.util.List;

/**
 * Reads the splits assigned to one parallel instance of a source. Called by one thread only.
 * {@link #pollNext} must not block: it emits a bounded batch (a few hundred records at most)
 * and returns, so the worker thread can serve other tasks.
 */
public interface SourceReader<T, S extends SourceSplit> extends AutoCloseable {
    /** Called before the first poll, and again if splits are added later. */
    void addSplits(List<S> splits);

    /** Emits up to a bounded number of records. */
    InputStatus pollNext(ReaderOutput<T> output) throws Exception;

    /** The assigned splits with their positions now; part of checkpoint {@code checkpointId}. */
    List<S> snapshotState(long checkpointId);

    /** Called once checkpoint {@code checkpointId} completed. */
    default void notifyCheckpointComplete(long checkpointId) throws Exception {}

    @Override
    default void close() throws Exception {}
}
