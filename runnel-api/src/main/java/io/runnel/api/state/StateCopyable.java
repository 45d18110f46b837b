package io.runnel.api.state;

/**
 * A state value (an accumulator, say) that copies itself. The runtime copies state values where a task may mutate
 * what a snapshot or a sliding window still holds; a value that implements this is copied by {@link #copyState()}
 * instead of by Java serialization, which costs far more per record.
 */
public interface StateCopyable<T> {
    /** A copy the caller may mutate without changing this value. */
    T copyState();
}
