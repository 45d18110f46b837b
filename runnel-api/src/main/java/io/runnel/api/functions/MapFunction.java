package io.runnel.api.functions;

/** One record in, one record out. */
@FunctionalInterface
public interface MapFunction<T, R> extends Function {
    R map(T value) throws Exception;
}
