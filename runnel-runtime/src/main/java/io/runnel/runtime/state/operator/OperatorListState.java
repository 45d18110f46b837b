package io.runnel.runtime.state.operator;

import io.runnel.api.state.ListState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A list of operator state: one per instance, not per key. */
final class OperatorListState<T> implements ListState<T> {
    private final String name;
    final OperatorStateSnapshot.Mode mode;
    final ArrayList<Object> elements = new ArrayList<>();

    OperatorListState(String name, OperatorStateSnapshot.Mode mode, List<Object> restored) {
        this.name = name;
        this.mode = mode;
        this.elements.addAll(restored);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Iterable<T> get() {
        return (Iterable<T>) Collections.unmodifiableList(elements);
    }

    @Override
    public void add(T value) {
        elements.add(checked(value));
    }

    @Override
    public void addAll(List<T> values) {
        for (T v : values) add(v);
    }

    @Override
    public void update(List<T> values) {
        elements.clear();
        if (values != null) addAll(values);
    }

    @Override
    public void clear() {
        elements.clear();
    }

    private T checked(T value) {
        if (value == null) throw new NullPointerException("operator list state '" + name + "' does not take null elements");
        return value;
    }
}
