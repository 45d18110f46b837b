package io.runnel.runtime.execution;

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
 * batch), unless the output is backpressured. At end of input it emits the final watermark,
 * ends the chain's input and closes its channels.
 */
final class SourceTask<T> implements Tasklet {
    private final String name;
    private final OperatorContext context;
    private final SourceReader<T, SourceSplit> reader;
    private final List<SourceSplit> splits;
    private final OperatorChain chain;
    private final Output<T> head;
    private final SourceOutput<T> output;
    private final AtomicLong firstRecordNanos;
    private boolean opened;
    private boolean finishing;

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

    @Override
    public String name() {
        return name;
    }

    long recordsOut() {
        return output.records;
    }

    long sinkRecords() {
        return chain.sinkRecords();
    }

    @Override
    public Progress call() throws Exception {
        if (!opened) {
            chain.open();
            reader.addSplits(splits);
            opened = true;
        }
        if (!chain.tryFlushPending()) return Progress.NO_PROGRESS;
        if (finishing) return Progress.DONE;
        boolean fired = chain.onTime();
        InputStatus status;
        try {
            status = reader.pollNext(output);
        } catch (OperatorFailure f) {
            throw f;
        } catch (Exception | Error e) {
            throw context.failure(e);
        }
        if (output.records > 0 && firstRecordNanos.get() == 0) firstRecordNanos.compareAndSet(0, System.nanoTime());
        output.emitPeriodic();
        chain.onBatchEnd();
        switch (status) {
            case END_OF_INPUT -> {
                head.emitWatermark(Long.MAX_VALUE);
                chain.endInput();
                finishing = true;
                return chain.tryFlushPending() ? Progress.DONE : Progress.MADE_PROGRESS;
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

    @Override
    public void close() throws Exception {
        try {
            reader.close();
        } finally {
            if (opened) chain.close();
        }
    }
}
