package io.runnel.runtime.execution;

import io.runnel.runtime.channel.ControlItem;
import io.runnel.runtime.channel.RecordBatch;
import io.runnel.runtime.operators.OneInputOperator;
import io.runnel.runtime.operators.OperatorFailure;
import io.runnel.runtime.operators.StreamOperator;
import io.runnel.runtime.operators.TwoInputOperator;

/**
 * A subtask that reads channels: each call drains up to a few batches round-robin over its input
 * channels into the head operator, unless its output is backpressured. Watermarks combine as
 * the minimum over inputs; the task ends when every input channel has ended.
 */
final class StreamTask implements Tasklet {
    private static final int BATCHES_PER_CALL = 4;
    private final String name;
    private final InputGate gate;
    private final OperatorChain chain;
    private final StreamOperator<?> head;
    private final OneInputOperator<Object> one;
    private final TwoInputOperator<Object, Object> two;
    private boolean opened;
    private boolean finishing;
    private boolean idle;
    private int next;

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
        if (finishing) return Progress.DONE;
        boolean progress = chain.onTime();
        int batches = 0;
        int n = gate.channels.length;
        for (int scanned = 0; scanned < n && batches < BATCHES_PER_CALL; ) {
            int c = next;
            Object item = gate.channels[c].poll();
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
                return chain.tryFlushPending() ? Progress.DONE : Progress.MADE_PROGRESS;
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

    /** Handles a control item; true when the task has finished. */
    private boolean control(int c, ControlItem item) {
        long wm;
        if (item instanceof ControlItem.Watermark w) {
            wm = gate.onWatermark(c, w.timestamp());
        } else if (item instanceof ControlItem.Idle i) {
            wm = gate.onIdle(c, i.idle());
        } else {
            wm = gate.onFinished(c);
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
            finishing = true;
            return true;
        }
        return false;
    }

    @Override
    public void close() throws Exception {
        if (opened) chain.close();
    }
}
