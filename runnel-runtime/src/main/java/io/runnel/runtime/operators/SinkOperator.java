package io.runnel.runtime.operators;

import io.runnel.api.connector.Committer;
import io.runnel.api.connector.CommittingSinkWriter;
import io.runnel.api.connector.Sink;
import io.runnel.api.connector.SinkContext;
import io.runnel.api.connector.SinkWriter;
import io.runnel.api.connector.TwoPhaseCommitSink;
import io.runnel.runtime.checkpoint.OperatorSnapshot;
import java.util.Collection;

/**
 * Writes records to a sink writer and counts them. A two-phase-commit writer prepares its
 * committables at each barrier; they travel with the checkpoint and the coordinator commits them
 * once it completes. Without checkpoints they are prepared and committed at end of input. A
 * writer that implements {@link io.runnel.api.state.CheckpointedFunction} gets operator state
 * (initialized right after it is created; snapshot after the flush or prepare at each barrier).
 */
public final class SinkOperator<T> extends StreamOperator<Void> implements OneInputOperator<T> {
    private final Sink<T> sink;
    private SinkWriter<T> writer;
    private CommittingSinkWriter<T, Object> committing;
    private boolean checkpointing;
    private long count;

    public SinkOperator(Sink<T> sink) {
        this.sink = sink;
    }

    /** With checkpoints on, the last committables go into the next checkpoint (the final one at the latest) instead of being committed here. */
    public void setCheckpointing(boolean checkpointing) {
        this.checkpointing = checkpointing;
    }

    public Sink<T> sink() {
        return sink;
    }

    @Override
    @SuppressWarnings("unchecked")
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
        initializeFunctionState(writer);
        if (sink instanceof TwoPhaseCommitSink<?, ?> && writer instanceof CommittingSinkWriter<?, ?> c) {
            committing = (CommittingSinkWriter<T, Object>) c;
        }
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
    public void snapshotState(OperatorSnapshot snapshot) throws Exception {
        // flush or prepare first, as Flink's sink writers do: a stateful writer then snapshots what is still buffered
        if (committing != null) snapshot.addCommittables(committing.prepareCommit(snapshot.checkpointId()));
        else writer.flush(false);
        super.snapshotState(snapshot);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void endInput() throws Exception {
        if (committing == null) {
            writer.flush(true);
        } else if (!checkpointing) {
            Collection<Object> c = committing.prepareCommit(0);
            try (Committer<Object> committer = ((TwoPhaseCommitSink<T, Object>) sink).createCommitter()) {
                committer.commit(c);
            }
        }
    }

    @Override
    public void close() throws Exception {
        if (writer != null) writer.close();
    }

    public long recordsIn() {
        return count;
    }
}
