package io.runnel.api.state;

/** A piece of keyed state; every operation applies to the current key. */
public interface State {
    /** Removes the current key's value. */
    void clear();
}
