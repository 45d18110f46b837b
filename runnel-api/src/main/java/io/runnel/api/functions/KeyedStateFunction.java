package io.runnel.api.functions;

/** Applied to one key's state by {@link KeyedBroadcastProcessFunction.Context#applyToKeyedState}. */
@FunctionalInterface
public interface KeyedStateFunction<K, S> {
    void process(K key, S state) throws Exception;
}
