package io.runnel.runtime.execution;

import io.runnel.runtime.checkpoint.CheckpointParticipant;
import io.runnel.runtime.checkpoint.TaskCheckpointer;
import io.runnel.runtime.channel.ControlItem;
import io.runnel.runtime.channel.RecordBatch;
import io.runnel.runtime.operators.KeyedOperator;
import io.runnel.runtime.operators.OneInputOperator;
import io.runnel.runtime.state.KeyContext;
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
    /** The head's key context when it is a keyed operator (keys arrive preset from keyed edges), else null. */
    private final KeyContext headKeys;
    private boolean opened;
    private boolean ended;
    private boolean reportedFinished;
    private volatile boolean jobFinished;
    /** The newest checkpoint this task snapshotted: its barrier arriving again (over an ended channel) is no news. */
    private long lastSnapshot = -1;
    private boolean idle;
    private int next;
    private TaskCheckpointer checkpointer;
    private BarrierHandler barriers;
    private volatile long completed = -1;
    private long notified = -1;
    /** In-flight records of a restored unaligned checkpoint, processed before any new input. */
    private java.util.ArrayDeque<InFlightReplay.Replay> replay;

    @SuppressWarnings("unchecked")
    StreamTask(String name, InputGate gate, OperatorChain chain) {
        this.name = name;
        this.gate = gate;
        this.chain = chain;
        this.head = chain.operators.get(0);
        this.one = head instanceof OneInputOperator<?> o ? (OneInputOperator<Object>) o : null;
        this.two = head instanceof TwoInputOperator<?, ?> t ? (TwoInputOperator<Object, Object>) t : null;
        this.headKeys = head instanceof KeyedOperator<?> ? head.context().keys() : null;
    }

    @Override
    public String name() {
        return name;
    }

    void checkpointing(TaskCheckpointer checkpointer, boolean exactlyOnce) {
        checkpointing(checkpointer, exactlyOnce, false, 0, new int[gate.channels.length], 0, 1);
    }

    /**
     * Enables checkpoints. {@code edgeOf} gives each input channel's plan edge (for in-flight data
     * of unaligned checkpoints); {@code subtask} and {@code parallelism} are this task's.
     */
    void checkpointing(TaskCheckpointer checkpointer, boolean exactlyOnce, boolean unaligned, long alignedTimeoutMillis,
                       int[] edgeOf, int subtask, int parallelism) {
        this.checkpointer = checkpointer;
        this.barriers = new BarrierHandler(gate, edgeOf, exactlyOnce, unaligned, alignedTimeoutMillis, new BarrierHandler.Snapshots() {
            @Override
            public void aligned(long id, boolean savepoint, long alignmentNanos) throws Exception {
                snapshot(id, savepoint, alignmentNanos);
            }

            @Override
            public TaskCheckpointer.Deferred unaligned(long id) throws Exception {
                lastSnapshot = id;
                TaskCheckpointer.Deferred d = checkpointer.snapshotDeferred(id);
                chain.emitBarrier(new ControlItem.Barrier(id, false));
                return d;
            }
        }, subtask, parallelism);
    }

    /** After a restore of an unaligned checkpoint: these records come first. */
    void replayFirst(java.util.List<InFlightReplay.Replay> records) {
        if (!records.isEmpty()) replay = new java.util.ArrayDeque<>(records);
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

    /** The first operator of the chain (tests look at it). */
    StreamOperator<?> headOperator() {
        return head;
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
        if (replay != null) return replayBatches();
        if (barriers != null) barriers.pollPriority();
        if (!chain.tryFlushPending()) return Progress.MADE_PROGRESS; // a snapshot forwarded its barrier
        int batches = 0;
        int n = gate.channels.length;
        for (int scanned = 0; scanned < n && batches < BATCHES_PER_CALL; ) {
            int c = next;
            Object item = barriers != null ? barriers.poll(c) : gate.channels[c].poll();
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
            if (b.keys != null && headKeys != null) {
                processKeyed(input, b);
            } else if (one != null) {
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

    /** A keyed edge's batch into a keyed head: each record's key is preset from the batch. */
    private void processKeyed(int input, RecordBatch b) throws Exception {
        Object[] values = b.values;
        Object[] keys = b.keys;
        int[] groups = b.keyGroups;
        long[] ts = b.timestamps;
        int size = b.size;
        KeyContext k = headKeys;
        if (one != null) {
            for (int i = 0; i < size; i++) {
                k.presetKey(keys[i], groups[i]);
                one.processElement(values[i], ts[i]);
            }
        } else if (input == 0) {
            for (int i = 0; i < size; i++) {
                k.presetKey(keys[i], groups[i]);
                two.processElement1(values[i], ts[i]);
            }
        } else {
            for (int i = 0; i < size; i++) {
                k.presetKey(keys[i], groups[i]);
                two.processElement2(values[i], ts[i]);
            }
        }
        k.takePreset();
    }

    /** Restored in-flight records, a few batches per call, before anything else. */
    private Progress replayBatches() throws Exception {
        for (int i = 0; i < BATCHES_PER_CALL && !replay.isEmpty(); i++) {
            InFlightReplay.Replay r = replay.pollFirst();
            process(r.input(), r.batch());
        }
        if (replay.isEmpty()) replay = null;
        chain.onBatchEnd();
        return Progress.MADE_PROGRESS;
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
            while ((item = gate.channels[c].poll()) != null) work = true; // nothing but barriers comes after the end
            ControlItem.Barrier b;
            while ((b = gate.channels[c].pollPriority()) != null) {
                work = true;
                if (b.checkpointId() > lastSnapshot) {
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
            if (barriers != null) {
                try {
                    barriers.onFinished(c);
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
