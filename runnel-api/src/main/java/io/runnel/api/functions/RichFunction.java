package io.runnel.api.functions;

/**
 * A function with a lifecycle: {@link #open} is called once per parallel instance before the
 * first record, {@link #close} once after the last. Any function may implement it; process
 * functions extend it.
 */
public interface RichFunction extends Function {
    /** Called before the first record; {@code context} gives state, metrics and the subtask index. */
    default void open(RuntimeContext context) throws Exception {}

    /** Called after the last record or when the job is cancelled. */
    default void close() throws Exception {}
}
