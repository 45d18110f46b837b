package io.runnel.api.state;

/** Describes a {@link MapState}. */
public final class MapStateDescriptor<K, V> extends StateDescriptor {
    private static final long serialVersionUID = 1L;

    public MapStateDescriptor(String name) {
        super(name);
    }
}
