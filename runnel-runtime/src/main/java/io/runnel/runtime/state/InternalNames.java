package io.runnel.runtime.state;

/** Names of operators' internal keyed state start with an underscore; user state names may not. */
public final class InternalNames {
    public static final String PREFIX = "_";

    private InternalNames() {}

    public static void check(String name) {
        if (name == null || !name.startsWith(PREFIX)) {
            throw new IllegalArgumentException("internal state name '" + name + "' must start with '" + PREFIX + "'");
        }
    }
}
