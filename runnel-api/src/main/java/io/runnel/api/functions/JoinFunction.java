package io.runnel.api.functions;

/** Combines one pair of matching records of a join. */
@FunctionalInterface
public interface JoinFunction<L, R, OUT> extends Function {
    OUT join(L left, R right) throws Exception;
}
