package io.runnel.runtime.operators;

import io.runnel.runtime.checkpoint.OperatorRestore;
import io.runnel.runtime.checkpoint.OperatorSnapshot;
import io.runnel.api.functions.Function;
import io.runnel.api.functions.RichFunction;

/**
 * The base of every operator. Lifecycle: {@link #setup}, {@link #open}, then records and
 * watermarks, {@link #endInput} after the last input, {@link #close}. All calls come from one
 * thread. The default watermark handling forwards it; keyed operators fire timers first.
 */
public abstract class StreamOperator<OUT> {
    protected OperatorContext context;
    protected Output<OUT> output;
    protected long currentWatermark = Long.MIN_VALUE;

    public void setup(OperatorContext context, Output<OUT> output) {
        this.context = context;
        this.output = output;
    }

    public OperatorContext context() {
        return context;
    }

    public void open() throws Exception {}

    public void processWatermark(long watermark) throws Exception {
        currentWatermark = watermark;
        output.emitWatermark(watermark);
    }

    public void processIdle(boolean idle) {
        output.emitIdle(idle);
    }

    /** Fires processing-time timers due at {@code now}; true if any fired. */
    public boolean advanceProcessingTime(long now) throws Exception {
        return false;
    }

    /** Called once all input was processed (after the final watermark). */
    public void endInput() throws Exception {}

    public void close() throws Exception {}

    /**
     * The synchronous part of a checkpoint, at the barrier: puts this operator's state into
     * {@code snapshot} as cheap frozen views; heavy writing happens later off this thread.
     */
    public void snapshotState(OperatorSnapshot snapshot) throws Exception {
        if (currentWatermark != Long.MIN_VALUE) snapshot.put("watermark", currentWatermark);
        if (context != null && context.state() != null) snapshot.putAsync("keyed", context.state().snapshot(snapshot.checkpointId()));
    }

    /** Called after setup and before open when the job starts from a checkpoint or savepoint. */
    public void restoreState(OperatorRestore restore) throws Exception {
        // this subtask's own watermark (the least of those it takes over): never another's, which may be ahead of its replay
        currentWatermark = restore.minOfTakenOver("watermark", Long.MIN_VALUE);
        if (context != null && context.state() != null) context.state().restore(restore.baseDir(), restore.handles("keyed"));
    }

    /** The watermark this operator had reached (restored from a checkpoint, or advanced since). */
    public long currentWatermark() {
        return currentWatermark;
    }

    /** Checkpoint {@code checkpointId} is complete. */
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        if (context != null && context.state() != null) context.state().notifyCheckpointComplete(checkpointId);
    }

    protected final void openFunction(Function f) throws Exception {
        if (f instanceof RichFunction r) r.open(new OperatorRuntimeContext(context));
    }

    protected static void closeFunction(Function f) throws Exception {
        if (f instanceof RichFunction r) r.close();
    }
}
