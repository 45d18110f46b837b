package io.runnel.api.functions;

/**
 * Extracts the key of a record. Keys must have stable {@code equals}/{@code hashCode} across
 * JVMs (no identity hash codes, no enums' default hash), since the hash picks the key group.
 */
@FunctionalInterface
public interface KeySelector<T, K> extends Function {
    K getKey(T value) throws Exception;
}
