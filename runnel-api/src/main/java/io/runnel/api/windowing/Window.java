package io.runnel.api.windowing;

import java.io.Serializable;

/** A bucket of elements of one key. Windows are values: equal windows are the same bucket. */
public abstract class Window implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The largest timestamp that still belongs to this window. */
    public abstract long maxTimestamp();
}
