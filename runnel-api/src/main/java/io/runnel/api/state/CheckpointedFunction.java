package io.runnel.api.state;

/**
 * A user function with operator (non-keyed) state: state that belongs to a parallel instance,
 * not to a key, such as a source-like buffer or a sink's pending batch. Any function the runtime
 * calls may implement it (map, flatMap, filter, process functions, functions on connected and
 * broadcast-connected streams, and sink writers).
 *
 * <p>{@link #initializeState} runs once per instance before {@code open}, on a fresh start and
 * after a restore ({@link FunctionInitializationContext#isRestored()} tells which); register
 * state there. {@link #snapshotState} runs on the task's thread at every checkpoint barrier,
 * before the state is taken: bring the registered state up to date there.
 */
public interface CheckpointedFunction {
    /** A checkpoint is being taken: write what the instance holds into its registered state. */
    void snapshotState(FunctionSnapshotContext context) throws Exception;

    /** Registers (and, after a restore, reads) the instance's operator state. */
    void initializeState(FunctionInitializationContext context) throws Exception;
}
