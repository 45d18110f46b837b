package io.runnel.runtime.operators;

import io.runnel.runtime.checkpoint.OperatorRestore;
import io.runnel.runtime.checkpoint.OperatorSnapshot;
import io.runnel.api.functions.Function;
import io.runnel.api.functions.RichFunction;
import io.runnel.api.state.CheckpointedFunction;
import io.runnel.api.state.FunctionInitializationContext;
import io.runnel.api.state.OperatorStateStore;
import io.runnel.runtime.state.operator.DefaultOperatorStateStore;
import io.runnel.runtime.state.operator.OperatorStateSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * The base of every operator. Lifecycle: {@link #setup}, {@link #open}, then records and
 * watermarks, {@link #endInput} after the last input, {@link #close}. All calls come from one
 * thread. The default watermark handling forwards it; keyed operators fire timers first.
 */
public abstract class StreamOperator<OUT> {
    protected OperatorContext context;
    protected Output<OUT> output;
    protected long currentWatermark = Long.MIN_VALUE;
    /** The checkpoint part holding operator (non-keyed) state: lists and broadcast maps. */
    public static final String OPERATOR_STATE = "operator-state";
    private OperatorRestore restoredFrom;
    private DefaultOperatorStateStore operatorState;
    private final List<CheckpointedFunction> checkpointedFunctions = new ArrayList<>(1);

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

    /**
     * True while the operator has work left that a full output interrupted: timers or windows a
     * watermark made due, of which only some have fired yet. The task takes no input until it is
     * done, and calls {@link #resumeWork} again each time its output drained.
     */
    public boolean hasPendingWork() {
        return false;
    }

    /** Goes on with the pending work while the task's output takes more (see {@link OperatorContext#outputFull}). */
    public void resumeWork() throws Exception {}

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
        // functions first: their snapshotState may write keyed state too
        for (CheckpointedFunction f : checkpointedFunctions) f.snapshotState(snapshot::checkpointId);
        if (currentWatermark != Long.MIN_VALUE) snapshot.put("watermark", currentWatermark);
        if (context != null && context.state() != null) snapshot.putAsync("keyed", context.state().snapshot(snapshot.checkpointId(), snapshot.savepoint()));
        if (operatorState != null && !operatorState.isEmpty()) snapshot.put(OPERATOR_STATE, operatorState.snapshot());
    }

    /** Called after setup and before open when the job starts from a checkpoint or savepoint. */
    public void restoreState(OperatorRestore restore) throws Exception {
        // this subtask's own watermark (the least of those it takes over): never another's, which may be ahead of its replay
        currentWatermark = restore.minOfTakenOver("watermark", Long.MIN_VALUE);
        restoredFrom = restore;
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
        initializeFunctionState(f);
        if (f instanceof RichFunction r) r.open(new OperatorRuntimeContext(context));
    }

    /**
     * The operator state of this instance (created on first use), filled from the restored
     * checkpoint's parts for the instance's index and parallelism.
     */
    protected final DefaultOperatorStateStore operatorStateStore() {
        if (operatorState == null) {
            List<OperatorStateSnapshot> earlier = restoredFrom == null ? List.of() : restoredFrom.all(OPERATOR_STATE);
            operatorState = new DefaultOperatorStateStore(context.name(), context.subtask(), context.parallelism(), restoredFrom != null, earlier);
        }
        return operatorState;
    }

    /**
     * Gives a {@link CheckpointedFunction} its operator state (before it opens) and has it
     * snapshot at every checkpoint; any other object is left alone.
     */
    protected final void initializeFunctionState(Object f) throws Exception {
        if (!(f instanceof CheckpointedFunction c) || checkpointedFunctions.contains(c)) return;
        DefaultOperatorStateStore store = operatorStateStore();
        c.initializeState(new FunctionInitializationContext() {
            @Override
            public boolean isRestored() {
                return store.isRestored();
            }

            @Override
            public OperatorStateStore getOperatorStateStore() {
                return store;
            }
        });
        checkpointedFunctions.add(c);
    }

    protected static void closeFunction(Function f) throws Exception {
        if (f instanceof RichFunction r) r.close();
    }
}
