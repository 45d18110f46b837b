package io.runnel.api.windowing;

import java.util.Collection;
import java.util.List;

/** Every element of a key in one window; combine with a trigger (count windows use this). */
public final class GlobalWindows extends WindowAssigner<Object, GlobalWindow> {
    private static final long serialVersionUID = 1L;

    public static GlobalWindows create() {
        return new GlobalWindows();
    }

    @Override
    public Collection<GlobalWindow> assignWindows(Object element, long timestamp, long now) {
        return List.of(GlobalWindow.INSTANCE);
    }

    @Override
    public Trigger<Object, GlobalWindow> defaultTrigger() {
        return NeverTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return false;
    }
}
