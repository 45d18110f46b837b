package io.runnel.api.windowing;

/** The one window that holds every element of a key; fires only through a custom trigger. */
public final class GlobalWindow extends Window {
    private static final long serialVersionUID = 1L;
    public static final GlobalWindow INSTANCE = new GlobalWindow();

    private GlobalWindow() {}

    @Override
    public long maxTimestamp() {
        return Long.MAX_VALUE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GlobalWindow;
    }

    @Override
    public int hashCode() {
        return 7;
    }

    @Override
    public String toString() {
        return "GlobalWindow";
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
