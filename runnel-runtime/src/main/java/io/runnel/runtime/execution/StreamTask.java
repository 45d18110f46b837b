package io.runnel.runtime.execution;

import io.runnel.runtime.checkpoint.CheckpointParticipant;
import io.runnel.runtime.checkpoint.TaskCheckpointer;
import io.runnel.runtime.channel.ControlItem;
import io.runnel.runtime.channel.RecordBatch;
import io.runnel.runtime.operators.OneInputOperator;
import io.runnel.runtime.operators.OperatorFailure;
import io.runnel.runtime.operators.StreamOperator;
import io.runnel.runtime.operators.TwoInputOperator;

/**
 * A subtask that reads channels: each call drains up to a few batches round-robin over its input
 * channels into the head operator, unless its output is backpressured. Watermarks combine as
 * the minimum over inputs; the task's input ends when every input channel has ended. With
 * checkpoints it then stays, acknowledging each checkpoint whose barrier reaches it over the ended
 * channels with its final state and forwarding the barrier, until the job's final checkpoint completed.
 */
final class StreamTask implements Tasklet, CheckpointParticipant {
    private static final int BATCHES_PER_CALL = 4;
    private final String name;
    private final InputGate gate;
    private final OperatorChain chain;
    private final StreamOperator<?> head;
    private final OneInputOperator<Object> one;
    private final TwoInputOperator<Object, Object> two;
    private boolean opened;
    private boolean ended;
    private boolean reportedFinished;
    private volatile boolean jobFinished;
    /** The newest checkpoint this task snapshotted: its barrier arriving again (over an ended channel) is no news. */
    private long lastSnapshot = -1;
    private boolean idle;
    private int next;
    private TaskCheckpointer checkpointer;
    private boolean exactlyOnce;
    private volatile long completed = -1;
    private long notified = -1;
    /** The checkpoint being aligned, or -1; which channels delivered its barrier; which are held. */
    private long aligning = -1;
    private boolean aligningSavepoint;
    private boolean[] arrived;
    private boolean[] blocked;
    private long alignStart;

    @SuppressWarnings("unchecked")
    StreamTask(String name, InputGate gate, OperatorChain chain) {
        this.name = name;
        this.gate = gate;
        this.chain = chain;
        this.head = chain.operators.get(0);
        this.one = head instanceof OneInputOperator<?> o ? (OneInputOperator<Object>) o : null;
        this.two = head instanceof TwoInputOperator<?, ?> t ? (TwoInputOperator<Object, Object>) t : null;
    }

    @Override
    public String name() {
        return name;
    }

    void checkpointing(TaskCheckpointer checkpointer, boolean exactlyOnce) {
        this.checkpointer = checkpointer;
        this.exactlyOnce = exactlyOnce;
        this.arrived = new boolean[gate.channels.length];
        this.blocked = new boolean[gate.channels.length];
    }

    /** After a restore: watermarks at or below what the operators had reached are not news. */
    void startWatermarkAt(long watermark) {
        gate.startAt(watermark);
    }

    @Override
    public boolean isSource() {
        return false;
    }

    @Override
    public void triggerCheckpoint(long checkpointId, boolean savepoint) {
        throw new UnsupportedOperationException("barriers reach task " + name + " through its inputs");
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        if (checkpointId > completed) completed = checkpointId;
    }

    @Override
    public void jobFinished() {
        jobFinished = true;
    }

    long sinkRecords() {
        return chain.sinkRecords();
    }

    @Override
    public Progress call() throws Exception {
        if (!opened) {
            chain.open();
            opened = true;
        }
        if (!chain.tryFlushPending()) return Progress.NO_PROGRESS;
        if (ended) return afterEnd();
        notifyCompleted();
        boolean progress = chain.onTime();
        int batches = 0;
        int n = gate.channels.length;
        for (int scanned = 0; scanned < n && batches < BATCHES_PER_CALL; ) {
            int c = next;
            Object item = blocked != null && blocked[c] ? null : gate.channels[c].poll();
            if (item == null) {
                next = (c + 1) % n;
                scanned++;
                continue;
            }
            progress = true;
            next = (c + 1) % n;
            if (item instanceof RecordBatch b) {
                batches++;
                process(gate.inputOf[c], b);
            } else if (item instanceof ControlItem.Barrier barrier) {
                onBarrier(c, barrier);
                if (!chain.tryFlushPending()) return Progress.MADE_PROGRESS;
            } else if (control(c, (ControlItem) item)) {
                return Progress.MADE_PROGRESS;
            }
        }
        if (batches > 0) chain.onBatchEnd();
        else chain.flushPartial();
        return progress ? Progress.MADE_PROGRESS : Progress.NO_PROGRESS;
    }

    private void process(int input, RecordBatch b) {
        Object[] values = b.values;
        long[] ts = b.timestamps;
        int size = b.size;
        try {
            if (one != null) {
                for (int i = 0; i < size; i++) one.processElement(values[i], ts[i]);
            } else if (input == 0) {
                for (int i = 0; i < size; i++) two.processElement1(values[i], ts[i]);
            } else {
                for (int i = 0; i < size; i++) two.processElement2(values[i], ts[i]);
            }
        } catch (OperatorFailure f) {
            throw f;
        } catch (Exception | Error e) {
            throw head.context().failure(e);
        }
    }

    /**
     * Barrier of checkpoint n on channel c. Exactly-once: the channel is held until n arrived on
     * every open channel, so no record after the barrier reaches the state before the snapshot.
     * At-least-once: nothing is held; the snapshot is taken when the last barrier arrives.
     */
    private void onBarrier(int c, ControlItem.Barrier b) throws Exception {
        if (checkpointer == null) return;
        // a finished upstream task forwards barriers after its end; this task needs none from it
        if (gate.isFinished(c) || b.checkpointId() <= lastSnapshot) return;
        if (b.checkpointId() < aligning) return; // an abandoned checkpoint
        if (b.checkpointId() > aligning) {
            // a newer checkpoint: whatever was being aligned is abandoned (it times out at the coordinator)
            java.util.Arrays.fill(arrived, false);
            java.util.Arrays.fill(blocked, false);
            aligning = b.checkpointId();
            aligningSavepoint = b.savepoint();
            alignStart = System.nanoTime();
        }
        arrived[c] = true;
        if (exactlyOnce) blocked[c] = true;
        maybeAligned();
    }

    private void maybeAligned() throws Exception {
        if (aligning < 0) return;
        for (int i = 0; i < arrived.length; i++) if (!arrived[i] && !gate.isFinished(i)) return;
        long id = aligning;
        aligning = -1;
        java.util.Arrays.fill(arrived, false);
        java.util.Arrays.fill(blocked, false);
        snapshot(id, aligningSavepoint, System.nanoTime() - alignStart);
    }

    private void snapshot(long id, boolean savepoint, long alignmentNanos) throws Exception {
        lastSnapshot = id;
        checkpointer.snapshot(id, savepoint, alignmentNanos, java.util.Map.of(), java.util.Map.of());
        chain.emitBarrier(new ControlItem.Barrier(id, savepoint));
    }

    private void notifyCompleted() throws Exception {
        if (checkpointer != null && completed > notified) {
            notified = completed;
            checkpointer.notifyComplete(notified);
        }
    }

    /**
     * After the end of input (output flushed): without checkpoints the task is done. With them it
     * reports the end and drains its ended channels, where only barriers still come (from upstream
     * tasks that finished too); each new one is acknowledged with the final state and forwarded.
     */
    private Progress afterEnd() throws Exception {
        if (checkpointer == null) return Progress.DONE;
        boolean finishedJob = jobFinished; // read before the work, so the final completion is handled first
        notifyCompleted();
        boolean work = false;
        for (int c = 0; c < gate.channels.length; c++) {
            Object item;
            while ((item = gate.channels[c].poll()) != null) {
                work = true;
                if (item instanceof ControlItem.Barrier b && b.checkpointId() > lastSnapshot) {
                    try {
                        snapshot(b.checkpointId(), b.savepoint(), 0);
                    } catch (OperatorFailure f) {
                        throw f;
                    } catch (Exception e) {
                        throw head.context().failure(e);
                    }
                }
            }
        }
        if (!reportedFinished) {
            reportedFinished = true;
            checkpointer.finished();
            return Progress.MADE_PROGRESS;
        }
        if (finishedJob) return Progress.DONE;
        return work ? Progress.MADE_PROGRESS : Progress.NO_PROGRESS;
    }

    /** Handles a control item; true when the task has finished. */
    private boolean control(int c, ControlItem item) {
        long wm;
        if (item instanceof ControlItem.Watermark w) {
            wm = gate.onWatermark(c, w.timestamp());
        } else if (item instanceof ControlItem.Idle i) {
            wm = gate.onIdle(c, i.idle());
        } else {
            wm = gate.onFinished(c);
            if (checkpointer != null && aligning >= 0) {
                try {
                    maybeAligned();
                } catch (OperatorFailure f) {
                    throw f;
                } catch (Exception e) {
                    throw head.context().failure(e);
                }
            }
        }
        if (wm != Long.MIN_VALUE) {
            try {
                head.processWatermark(wm);
            } catch (OperatorFailure f) {
                throw f;
            } catch (Exception | Error e) {
                throw head.context().failure(e);
            }
        }
        if (gate.allIdle() != idle) {
            idle = gate.allIdle();
            head.processIdle(idle);
        }
        if (gate.allFinished()) {
            chain.endInput();
            ended = true;
            return true;
        }
        return false;
    }

    @Override
    public void close() throws Exception {
        if (opened) chain.close();
    }
}
