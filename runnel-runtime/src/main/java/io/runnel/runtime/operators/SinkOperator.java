package io.runnel.runtime.operators;

import io.runnel.api.connector.Sink;
import io.runnel.api.connector.SinkContext;
import io.runnel.api.connector.SinkWriter;

/** Writes records to a sink writer and counts them. */
public final class SinkOperator<T> extends StreamOperator<Void> implements OneInputOperator<T> {
    private final Sink<T> sink;
    private SinkWriter<T> writer;
    private long count;

    public SinkOperator(Sink<T> sink) {
        this.sink = sink;
    }

    @Override
    public void open() throws Exception {
        writer = sink.createWriter(new SinkContext() {
            @Override
            public int subtaskIndex() {
                return context.subtask();
            }

            @Override
            public int parallelism() {
                return context.parallelism();
            }
        });
    }

    @Override
    public void processElement(T value, long timestamp) throws Exception {
        count++;
        writer.write(value, timestamp);
    }

    @Override
    public void processWatermark(long watermark) {
        currentWatermark = watermark;
    }

    @Override
    public void processIdle(boolean idle) {}

    @Override
    public void endInput() throws Exception {
        writer.flush(true);
    }

    @Override
    public void close() throws Exception {
        if (writer != null) writer.close();
    }

    public long recordsIn() {
        return count;
    }
}
