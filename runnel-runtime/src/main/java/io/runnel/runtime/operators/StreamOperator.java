package io.runnel.runtime.operators;

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

    protected final void openFunction(Function f) throws Exception {
        if (f instanceof RichFunction r) r.open(new OperatorRuntimeContext(context));
    }

    protected static void closeFunction(Function f) throws Exception {
        if (f instanceof RichFunction r) r.close();
    }
}
