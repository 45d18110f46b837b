package io.runnel.runtime.state;

/** Reported by snapshot handles: the bytes the snapshot covers and the bytes it wrote anew. */
public interface StateSize {
    long fullBytes();

    long incrementalBytes();
}
