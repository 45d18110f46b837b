package io.runnel.api.functions;

/**
 * Combines two values of the same type into one. May return or modify {@code a}; must not
 * modify {@code b}, which the runtime may still hold (for example a shared window slice).
 */
@FunctionalInterface
public interface ReduceFunction<T> extends Function {
    T reduce(T a, T b) throws Exception;
}
