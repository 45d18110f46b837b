package io.runnel.runtime.state;

/**
 * A (key, namespace) pair as a heap snapshot writes it: plain keyed state is written by its key
 * alone, namespaced state (windows, slices) by this pair, so one key group's entries stay one map.
 */
record NamespacedKey(Object key, Object namespace) implements java.io.Serializable {}
