package io.runnel.api.state;

/** Describes a {@link ValueState}; an optional default is returned while no value is set. */
public final class ValueStateDescriptor<T> extends StateDescriptor {
    private static final long serialVersionUID = 1L;
    private final T defaultValue;

    public ValueStateDescriptor(String name) {
        super(name);
        this.defaultValue = null;
    }

    public ValueStateDescriptor(String name, T defaultValue) {
        super(name);
        this.defaultValue = defaultValue;
    }

    public T defaultValue() {
        return defaultValue;
    }
}
