package io.runnel.api.windowing;

/** What a trigger decides: whether to evaluate the window, and whether to drop its contents. */
public enum TriggerResult {
    CONTINUE(false, false), FIRE(true, false), PURGE(false, true), FIRE_AND_PURGE(true, true);

    private final boolean fire;
    private final boolean purge;

    TriggerResult(boolean fire, boolean purge) {
        this.fire = fire;
        this.purge = purge;
    }

    public boolean isFire() {
        return fire;
    }

    public boolean isPurge() {
        return purge;
    }
}
