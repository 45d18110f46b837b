package io.runnel.api.state;

/** What {@link CheckpointedFunction#initializeState} gets: the operator state store, and whether state was restored. */
public interface FunctionInitializationContext {
    /** True when the job started from a checkpoint or savepoint that has state for this operator. */
    boolean isRestored();

    OperatorStateStore getOperatorStateStore();
}
