package io.runnel.api.state;

/** One value per key; {@link #value()} is null (or the descriptor's default) when unset or expired. */
public interface ValueState<T> extends State {
    T value();

    void update(T value);
}
