package io.runnel.examples;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} pairs of an example's command line. */
final class ExampleArgs {
    private final Map<String, String> values = new HashMap<>();

    ExampleArgs(String[] args, String usage) {
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'\nusage: " + usage);
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String get(String name) {
        return values.get(name);
    }

    long getLong(String name, long fallback) {
        String v = values.get(name);
        if (v == null) return fallback;
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + v + "'", e);
        }
    }
}
