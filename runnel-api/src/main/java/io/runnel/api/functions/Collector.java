package io.runnel.api.functions;

/** Receives what a function emits. The emitted object must not be mutated afterwards. */
@FunctionalInterface
public interface Collector<T> {
    void collect(T record);
}
