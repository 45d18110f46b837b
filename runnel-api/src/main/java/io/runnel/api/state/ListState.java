package io.runnel.api.state;

import java.util.List;

/**
 * A list per key. {@link #get()} returns an empty iterable when unset, else the elements as they
 * are at the call (later adds do not show in it). With a TTL each element expires on its own.
 */
public interface ListState<T> extends State {
    Iterable<T> get();

    void add(T value);

    void addAll(List<T> values);

    void update(List<T> values);
}
