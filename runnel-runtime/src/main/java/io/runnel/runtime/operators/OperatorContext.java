package io.runnel.runtime.operators;

import io.runnel.runtime.state.HeapKeyedStateBackend;
import io.runnel.runtime.state.KeyedStateBackend;
import io.runnel.runtime.state.KeyContext;
import io.runnel.runtime.state.KeyGroups;

/** Where one operator instance runs: names, subtask, clock and (on keyed streams) its key context and state. */
public final class OperatorContext {
    private final String name;
    private final int subtask;
    private final int parallelism;
    private final int maxParallelism;
    private final ProcessingClock clock;
    private final KeyedStateBackend state;
    private java.util.function.BooleanSupplier outputFull = () -> false;

    /** A context with a heap backend when {@code keyed}. */
    public OperatorContext(String name, int subtask, int parallelism, int maxParallelism, ProcessingClock clock, boolean keyed) {
        this(name, subtask, parallelism, maxParallelism, clock, keyed ? new HeapKeyedStateBackend(keyContext(subtask, parallelism, maxParallelism), clock::now) : null);
    }

    public OperatorContext(String name, int subtask, int parallelism, int maxParallelism, ProcessingClock clock, KeyedStateBackend state) {
        this.name = name;
        this.subtask = subtask;
        this.parallelism = parallelism;
        this.maxParallelism = maxParallelism;
        this.clock = clock;
        this.state = state;
    }

    /** The key context of subtask {@code subtask}: the key groups it owns. */
    public static KeyContext keyContext(int subtask, int parallelism, int maxParallelism) {
        return new KeyContext(maxParallelism, KeyGroups.firstKeyGroup(subtask, maxParallelism, parallelism),
                KeyGroups.endKeyGroup(subtask, maxParallelism, parallelism));
    }

    public String name() {
        return name;
    }

    public int subtask() {
        return subtask;
    }

    public int parallelism() {
        return parallelism;
    }

    public int maxParallelism() {
        return maxParallelism;
    }

    public ProcessingClock clock() {
        return clock;
    }

    /** The keyed state backend, or null on a non-keyed stream. */
    public KeyedStateBackend state() {
        return state;
    }

    public KeyContext keys() {
        return state == null ? null : state.keys();
    }

    /**
     * True when the task's output holds items its channels refused: an operator that emits many
     * records for one input (timers or windows a watermark made due) stops there and resumes
     * later, so the output never holds more than a unit of work past what the channels take.
     */
    public boolean outputFull() {
        return outputFull.getAsBoolean();
    }

    /** Set by the task: whether its output is full. */
    public void outputFullWhen(java.util.function.BooleanSupplier full) {
        this.outputFull = full;
    }

    public OperatorFailure failure(Throwable cause) {
        return new OperatorFailure(name, subtask, parallelism, cause);
    }
}
