package io.runnel.runtime.execution;

/**
 * A cooperative unit of work. {@link #call} does a bounded slice of work and returns at once,
 * never blocking; the worker calls it again later.
 */
public interface Tasklet {
    /** What a call achieved. */
    enum Progress { MADE_PROGRESS, NO_PROGRESS, DONE }

    Progress call() throws Exception;

    /** Releases resources; called once, on the thread that ran the tasklet, whether it finished or not. */
    void close() throws Exception;

    String name();
}
