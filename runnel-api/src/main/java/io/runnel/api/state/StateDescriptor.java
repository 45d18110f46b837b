package io.runnel.api.state;

import java.io.Serializable;
import java.util.Objects;

/** Names a piece of keyed state (unique per operator) and configures its time-to-live. */
public abstract class StateDescriptor implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private StateTtlConfig ttl = StateTtlConfig.DISABLED;

    protected StateDescriptor(String name) {
        this.name = Objects.requireNonNull(name, "state name");
    }

    public String name() {
        return name;
    }

    public StateTtlConfig ttl() {
        return ttl;
    }

    /**
     * Values expire this long after they were last written (or read, per the config); list
     * elements and map entries each on their own. See {@link StateTtlConfig} for the cleanup.
     */
    public void enableTimeToLive(StateTtlConfig ttl) {
        this.ttl = Objects.requireNonNull(ttl, "ttl");
    }
}
