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
    /** The rest of a batch a full output interrupted, from record {@code partialFrom}; else null. */
    private RecordBatch partial;
    private int partialInput;
    private int partialFrom;
    /** A watermark's firings were interrupted: idle status and end of input are handled after them. */
    private boolean deferredControl;
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

    java.util.List<Long> sinkRecords() {
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
        if (!chain.resumePendingWork()) return Progress.MADE_PROGRESS; // firings a full output interrupted go first
        if (deferredControl) {
            deferredControl = false;
            if (afterWatermark()) return Progress.MADE_PROGRESS;
        }
        if (partial != null) {
            process(partialInput, partial, partialFrom);
            chain.onBatchEnd();
            return Progress.MADE_PROGRESS;
        }
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
                process(gate.inputOf[c], b, 0);
                if (partial != null) break; // the output is full: the batch's rest waits
            } else if (control(c, (ControlItem) item) || deferredControl) {
                return Progress.MADE_PROGRESS;
            }
        }
        if (batches > 0) chain.onBatchEnd();
        else chain.flushPartial();
        return progress ? Progress.MADE_PROGRESS : Progress.NO_PROGRESS;
    }

    /**
     * Processes batch {@code b} from record {@code from}. When a record fills the task's output
     * (a flatMap's burst, say) the rest of the batch waits for the next call, so the output never
     * holds more than one record's worth past what the channels take.
     */
    private void process(int input, RecordBatch b, int from) {
        Object[] values = b.values;
        long[] ts = b.timestamps;
        int size = b.size;
        boolean bounded = chain.hasWriters();
        int i = from;
        try {
            if (b.keys != null && headKeys != null) {
                i = processKeyed(input, b, from, bounded);
            } else if (one != null) {
                while (i < size) {
                    one.processElement(values[i], ts[i]);
                    i++;
                    if (bounded && chain.outputFull()) break;
                }
            } else if (input == 0) {
                while (i < size) {
                    two.processElement1(values[i], ts[i]);
                    i++;
                    if (bounded && chain.outputFull()) break;
                }
            } else {
                while (i < size) {
                    two.processElement2(values[i], ts[i]);
                    i++;
                    if (bounded && chain.outputFull()) break;
                }
            }
        } catch (OperatorFailure f) {
            throw f;
        } catch (Exception | Error e) {
            throw head.context().failure(e);
        }
        if (i < size) {
            partial = b;
            partialInput = input;
            partialFrom = i;
        } else {
            partial = null;
        }
    }

    /** A keyed edge's batch into a keyed head: each record's key is preset from the batch. Returns where it stopped. */
    private int processKeyed(int input, RecordBatch b, int from, boolean bounded) throws Exception {
        Object[] values = b.values;
        Object[] keys = b.keys;
        int[] groups = b.keyGroups;
        long[] ts = b.timestamps;
        int size = b.size;
        KeyContext k = headKeys;
        int i = from;
        while (i < size) {
            k.presetKey(keys[i], groups[i]);
            if (one != null) one.processElement(values[i], ts[i]);
            else if (input == 0) two.processElement1(values[i], ts[i]);
            else two.processElement2(values[i], ts[i]);
            i++;
            if (bounded && chain.outputFull()) break;
        }
        k.takePreset();
        return i;
    }

    /** Restored in-flight records, a few batches per call, before anything else. */
    private Progress replayBatches() throws Exception {
        for (int i = 0; i < BATCHES_PER_CALL && !replay.isEmpty(); i++) {
            InFlightReplay.Replay r = replay.pollFirst();
            process(r.input(), r.batch(), 0);
            if (partial != null) break;
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
            if (chain.hasPendingWork()) {
                // the watermark's firings filled the output: the rest, and what follows, wait
                deferredControl = true;
                return false;
            }
        }
        return afterWatermark();
    }

    /** After a control item's watermark was fully handled: idle status and the end of input. */
    private boolean afterWatermark() {
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
