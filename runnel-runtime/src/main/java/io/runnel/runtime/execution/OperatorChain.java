package io.runnel.runtime.execution;

import io.runnel.runtime.channel.ChannelWriter;
import io.runnel.runtime.operators.BatchEndListener;
import io.runnel.runtime.operators.OperatorFailure;
import io.runnel.runtime.operators.ProcessingClock;
import io.runnel.runtime.operators.SinkOperator;
import io.runnel.runtime.operators.StreamOperator;
import java.util.List;

/**
 * The operators of one task in topological order and the channel writers at its edges: opens and
 * closes them, fires processing-time timers, flushes and finishes the output.
 */
final class OperatorChain {
    final List<StreamOperator<?>> operators;
    final List<ChannelWriter> writers;
    final List<BatchEndListener> batchListeners;
    private final ProcessingClock clock;
    private final long bufferTimeoutMillis;
    private long lastTimerCheck = Long.MIN_VALUE;
    private long lastFlush;

    OperatorChain(List<StreamOperator<?>> operators, List<ChannelWriter> writers, ProcessingClock clock, long bufferTimeoutMillis) {
        this.operators = operators;
        this.writers = writers;
        this.clock = clock;
        this.bufferTimeoutMillis = bufferTimeoutMillis;
        this.batchListeners = new java.util.ArrayList<>();
        for (StreamOperator<?> op : operators) if (op instanceof BatchEndListener l) batchListeners.add(l);
    }

    void open() throws Exception {
        for (StreamOperator<?> op : operators) {
            try {
                op.open();
            } catch (Exception | Error e) {
                throw op.context().failure(e);
            }
        }
        lastFlush = clock.now();
    }

    /** True when a channel writer holds items its channel refused: operators stop emitting more. */
    boolean outputFull() {
        for (int i = 0; i < writers.size(); i++) if (writers.get(i).hasPending()) return true;
        return false;
    }

    boolean hasWriters() {
        return !writers.isEmpty();
    }

    /** True while an operator has work a full output interrupted (see {@link StreamOperator#hasPendingWork}). */
    boolean hasPendingWork() {
        for (int i = 0; i < operators.size(); i++) if (operators.get(i).hasPendingWork()) return true;
        return false;
    }

    /**
     * Goes on with interrupted work in chain order (an operator finishing its firings forwards
     * the watermark, which may leave the next one with work); true when none is left.
     */
    boolean resumePendingWork() {
        for (int i = 0; i < operators.size(); i++) {
            StreamOperator<?> op = operators.get(i);
            if (!op.hasPendingWork()) continue;
            try {
                op.resumeWork();
            } catch (OperatorFailure f) {
                throw f;
            } catch (Exception | Error e) {
                throw op.context().failure(e);
            }
            if (op.hasPendingWork()) return false;
        }
        return true;
    }

    /** True if nothing is pending downstream: the task may take more input. */
    boolean tryFlushPending() {
        boolean clear = true;
        for (int i = 0; i < writers.size(); i++) clear &= writers.get(i).tryFlushPending();
        return clear;
    }

    void flushPartial() {
        for (int i = 0; i < writers.size(); i++) writers.get(i).flushPartial();
        lastFlush = clock.now();
    }

    /** Processing-time timers and the buffer timeout; true if a timer fired. */
    boolean onTime() {
        long now = clock.now();
        if (now == lastTimerCheck) return false;
        lastTimerCheck = now;
        boolean fired = false;
        for (StreamOperator<?> op : operators) {
            try {
                fired |= op.advanceProcessingTime(now);
            } catch (OperatorFailure f) {
                throw f;
            } catch (Exception | Error e) {
                throw op.context().failure(e);
            }
        }
        if (now - lastFlush >= bufferTimeoutMillis) flushPartial();
        return fired;
    }

    void onBatchEnd() throws Exception {
        for (int i = 0; i < batchListeners.size(); i++) batchListeners.get(i).onBatchEnd();
    }

    /** After the final watermark: end input in topological order, then close the channels. */
    void endInput() {
        for (StreamOperator<?> op : operators) {
            try {
                op.endInput();
            } catch (OperatorFailure f) {
                throw f;
            } catch (Exception | Error e) {
                throw op.context().failure(e);
            }
        }
        for (ChannelWriter w : writers) w.emitEndOfInput();
    }

    /** Sends a checkpoint barrier on every outgoing channel, after the records already emitted. */
    void emitBarrier(io.runnel.runtime.channel.ControlItem.Barrier barrier) {
        for (ChannelWriter w : writers) w.emitBarrier(barrier);
    }

    void close() throws Exception {
        Exception first = null;
        for (StreamOperator<?> op : operators) {
            try {
                op.close();
            } catch (Exception e) {
                if (first == null) first = e;
            }
            if (op.context() != null && op.context().state() != null) closeState(op.context().state());
        }
        if (first != null) throw first;
    }

    /** Snapshot writes still queued may need the backend's files: with checkpoints, it closes after them. */
    private void closeState(io.runnel.runtime.state.KeyedStateBackend state) {
        Runnable close = () -> {
            try {
                state.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(OperatorChain.class).warn("closing a state backend failed: {}", e.toString());
            }
        };
        if (snapshotWriter == null) {
            close.run();
        } else {
            try {
                snapshotWriter.execute(close);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                close.run();
            }
        }
    }

    /** Where snapshots are written; state backends close there, after the writes queued before. */
    void closeStateOn(java.util.concurrent.Executor writer) {
        this.snapshotWriter = writer;
    }

    private java.util.concurrent.Executor snapshotWriter;

    /** Records in to each sink of the chain, in chain order. */
    java.util.List<Long> sinkRecords() {
        java.util.List<Long> n = new java.util.ArrayList<>();
        for (StreamOperator<?> op : operators) if (op instanceof SinkOperator<?> s) n.add(s.recordsIn());
        return n;
    }
}
