package io.runnel.api.windowing;

import io.runnel.api.functions.Collector;
import io.runnel.api.functions.Function;

/** The simple form of a window function: key, window, elements. */
@FunctionalInterface
public interface WindowFunction<IN, OUT, K, W extends Window> extends Function {
    void apply(K key, W window, Iterable<IN> elements, Collector<OUT> out) throws Exception;
}
