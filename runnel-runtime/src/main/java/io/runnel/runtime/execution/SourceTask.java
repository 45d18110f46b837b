package io.runnel.runtime.execution;

import io.runnel.runtime.channel.ControlItem;
import io.runnel.runtime.checkpoint.CheckpointParticipant;
import io.runnel.runtime.checkpoint.TaskCheckpointer;
import java.util.concurrent.ConcurrentLinkedQueue;
import io.runnel.api.connector.InputStatus;
import io.runnel.api.connector.SourceReader;
import io.runnel.api.connector.SourceSplit;
import io.runnel.runtime.operators.OperatorContext;
import io.runnel.runtime.operators.OperatorFailure;
import io.runnel.runtime.operators.Output;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A source subtask and the operators chained to it. Each call polls the reader once (a bounded
 * batch), unless the output is backpressured. At end of input (at once for a subtask without
 * splits) it emits the final watermark, ends the chain's input and closes its channels. With
 * checkpoints it then stays, answering triggers with its final state and forwarding the barriers,
 * until the job's final checkpoint completed.
 */
final class SourceTask<T> implements Tasklet, CheckpointParticipant {
    private final String name;
    private final OperatorContext context;
    private final SourceReader<T, SourceSplit> reader;
    private final List<SourceSplit> splits;
    private final OperatorChain chain;
    private final Output<T> head;
    private final SourceOutput<T> output;
    private final AtomicLong firstRecordNanos;
    private boolean opened;
    private boolean ended;
    private boolean reportedFinished;
    private volatile boolean jobFinished;
    private TaskCheckpointer checkpointer;
    private String sourceId;
    private int parallelism;
    private final ConcurrentLinkedQueue<ControlItem.Barrier> triggers = new ConcurrentLinkedQueue<>();
    private volatile long completed = -1;
    private long notified = -1;

    SourceTask(String name, OperatorContext context, SourceReader<T, SourceSplit> reader, List<SourceSplit> splits,
               OperatorChain chain, Output<T> head, SourceOutput<T> output, AtomicLong firstRecordNanos) {
        this.name = name;
        this.context = context;
        this.reader = reader;
        this.splits = splits;
        this.chain = chain;
        this.head = head;
        this.output = output;
        this.firstRecordNanos = firstRecordNanos;
    }

    /** Enables checkpoints: the reader's splits are recorded under {@code sourceId}. */
    void checkpointing(TaskCheckpointer checkpointer, String sourceId, int parallelism) {
        this.checkpointer = checkpointer;
        this.sourceId = sourceId;
        this.parallelism = parallelism;
    }

    @Override
    public boolean isSource() {
        return true;
    }

    @Override
    public void triggerCheckpoint(long checkpointId, boolean savepoint) {
        triggers.add(new ControlItem.Barrier(checkpointId, savepoint));
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        if (checkpointId > completed) completed = checkpointId;
    }

    @Override
    public void jobFinished() {
        jobFinished = true;
    }

    /**
     * Between polls: the reader's position matches exactly the records emitted before the barrier.
     * True if there was anything to do.
     */
    private boolean checkpointWork() throws Exception {
        boolean work = false;
        long c = completed;
        if (c > notified) {
            work = true;
            notified = c;
            checkpointer.notifyComplete(c);
            try {
                reader.notifyCheckpointComplete(c);
            } catch (Exception | Error e) {
                throw context.failure(e);
            }
        }
        ControlItem.Barrier b;
        while ((b = triggers.poll()) != null) {
            work = true;
            snapshot(b.checkpointId(), b.savepoint());
            chain.emitBarrier(b);
        }
        return work;
    }

    private void snapshot(long id, boolean savepoint) throws Exception {
        List<Object> splitsNow = new java.util.ArrayList<>(reader.snapshotState(id));
        checkpointer.snapshot(id, savepoint, 0, java.util.Map.of(sourceId, splitsNow), java.util.Map.of(sourceId, parallelism));
    }

    @Override
    public String name() {
        return name;
    }

    long recordsOut() {
        return output.records;
    }

    java.util.List<Long> sinkRecords() {
        return chain.sinkRecords();
    }

    @Override
    public Progress call() throws Exception {
        if (!opened) {
            chain.open();
            reader.addSplits(splits);
            opened = true;
        }
        if (ended) return afterEnd();
        if (checkpointer != null) checkpointWork();
        if (!chain.tryFlushPending()) return Progress.NO_PROGRESS;
        boolean fired = chain.onTime();
        if (!chain.resumePendingWork()) return Progress.MADE_PROGRESS;
        InputStatus status;
        try {
            status = reader.pollNext(output);
        } catch (OperatorFailure f) {
            throw f;
        } catch (Exception | Error e) {
            throw context.failure(e);
        }
        if (output.records > 0 && firstRecordNanos.get() == 0) firstRecordNanos.compareAndSet(0, System.nanoTime());
        output.emitPeriodic(status == InputStatus.NOTHING_AVAILABLE);
        chain.onBatchEnd();
        switch (status) {
            case END_OF_INPUT -> {
                head.emitWatermark(Long.MAX_VALUE);
                chain.endInput();
                ended = true;
                return Progress.MADE_PROGRESS;
            }
            case NOTHING_AVAILABLE -> {
                chain.flushPartial();
                return fired ? Progress.MADE_PROGRESS : Progress.NO_PROGRESS;
            }
            default -> {
                return Progress.MADE_PROGRESS;
            }
        }
    }

    /**
     * After the end of input: flush, then (with checkpoints) report the end and answer checkpoints
     * with the final state (the reader's end positions), without polling, until the job finished.
     */
    private Progress afterEnd() throws Exception {
        if (checkpointer == null) return chain.tryFlushPending() ? Progress.DONE : Progress.NO_PROGRESS;
        boolean finishedJob = jobFinished; // read before the work, so the final completion is handled first
        boolean work = checkpointWork();
        if (!chain.tryFlushPending()) return Progress.NO_PROGRESS;
        if (!reportedFinished) {
            reportedFinished = true;
            checkpointer.finished();
            return Progress.MADE_PROGRESS;
        }
        if (finishedJob) return Progress.DONE;
        return work ? Progress.MADE_PROGRESS : Progress.NO_PROGRESS;
    }

    @Override
    public void close() throws Exception {
        try {
            reader.close();
        } finally {
            if (opened) chain.close();
        }
    }
}
