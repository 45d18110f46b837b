package io.runnel.api.state;

/**
 * A piece of keyed state; every operation applies to the current key.
 *
 * <p>To change a value, write it: a value read from state (a list, an accumulator, a map's value)
 * may be changed and written back with {@code update}, {@code put} or {@code add}, but changing it
 * in place without writing it back, or after writing it, is not a state change. The heap backend
 * may happen to see such a change, RocksDB (which hands out deserialized copies) does not. List
 * reads and map iterations return what they read: they may be kept across writes, and the map
 * may be changed while iterating.
 */
public interface State {
    /** Removes the current key's value. */
    void clear();
}
