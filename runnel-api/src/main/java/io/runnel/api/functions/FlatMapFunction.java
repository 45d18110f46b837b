package io.runnel.api.functions;

/** One record in, any number out. */
@FunctionalInterface
public interface FlatMapFunction<T, R> extends Function {
    void flatMap(T value, Collector<R> out) throws Exception;
}
