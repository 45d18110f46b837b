package io.runnel.sql.frame;

import java.util.List;
import java.util.stream.Collectors;

/** Identifiers in Flink's dialect: back-quoted, so generated names keep their case and may be reserved words. */
final class Names {
    private Names() {}

    static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** {@code a.b} as {@code `a`.`b`}; {@code *} and {@code a.*} stay stars. */
    static String qualified(String dotted) {
        if (dotted.equals("*")) {
            return "*";
        }
        String[] parts = dotted.split("\\.");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            out.append(i > 0 ? "." : "").append(parts[i].equals("*") && i == parts.length - 1 ? "*" : quote(parts[i]));
        }
        return out.toString();
    }

    /** The column a dotted reference names: its last part. */
    static String last(String dotted) {
        int dot = dotted.lastIndexOf('.');
        return dot < 0 ? dotted : dotted.substring(dot + 1);
    }

    static String quoteAll(List<String> names) {
        return names.stream().map(Names::quote).collect(Collectors.joining(", "));
    }

    /** A string literal. */
    static String string(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
