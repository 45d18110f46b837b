package io.runnel.api.connector;

/**
 * Writes the records of one parallel instance of a sink; called by one thread only. A write may
 * buffer; {@link #flush} makes buffered records durable or visible. A writer may implement
 * {@link io.runnel.api.state.CheckpointedFunction} to keep operator state: it is initialized right
 * after the writer is created and snapshot after the flush (or prepareCommit) at each barrier.
 */
public interface SinkWriter<T> extends AutoCloseable {
    /** {@code timestamp} is the record's event time or {@link Long#MIN_VALUE}. */
    void write(T record, long timestamp) throws Exception;

    /** Called at checkpoints and, with {@code endOfInput} true, after the last record. */
    default void flush(boolean endOfInput) throws Exception {}

    @Override
    default void close() throws Exception {}
}
