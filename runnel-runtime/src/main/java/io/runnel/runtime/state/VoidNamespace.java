package io.runnel.runtime.state;

/** The namespace of plain keyed state (user state): one value per key, no window. */
public enum VoidNamespace {
    INSTANCE
}
