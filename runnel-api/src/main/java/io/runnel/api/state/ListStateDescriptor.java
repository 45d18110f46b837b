package io.runnel.api.state;

/** Describes a {@link ListState}. */
public final class ListStateDescriptor<T> extends StateDescriptor {
    private static final long serialVersionUID = 1L;

    public ListStateDescriptor(String name) {
        super(name);
    }
}
