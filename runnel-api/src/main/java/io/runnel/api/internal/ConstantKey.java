package io.runnel.api.internal;

import io.runnel.api.functions.KeySelector;

/** The one key of a non-keyed window: every record in one group. */
public final class ConstantKey<T> implements KeySelector<T, Byte> {
    private static final long serialVersionUID = 1L;
    private static final Byte KEY = 0;

    @Override
    public Byte getKey(T value) {
        return KEY;
    }
}
