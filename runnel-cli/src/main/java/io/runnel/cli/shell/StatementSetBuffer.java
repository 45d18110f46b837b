package io.runnel.cli.shell;

import java.util.regex.Pattern;

/**
 * The SQL client's {@code BEGIN STATEMENT SET;} ... {@code END;} typed statement by statement: the INSERTs in between
 * are held, and at END the whole set becomes one script that {@link io.runnel.sql.parser.SqlScript} parses into one
 * statement set (one job).
 */
final class StatementSetBuffer {
    private static final Pattern BEGIN = Pattern.compile("(?is)(\\s*--[^\\n]*\\n)*\\s*begin\\s+statement\\s+set\\s*");
    private static final Pattern END = Pattern.compile("(?is)(\\s*--[^\\n]*\\n)*\\s*end\\s*");
    private StringBuilder held;

    /** Whether a set is open (its INSERTs are being collected). */
    boolean isOpen() {
        return held != null;
    }

    /** Opens a set if {@code statement} is BEGIN STATEMENT SET; returns whether it was. */
    boolean begin(String statement) {
        if (held != null || !BEGIN.matcher(statement).matches()) {
            return false;
        }
        held = new StringBuilder("BEGIN STATEMENT SET;\n");
        return true;
    }

    /** With a set open: holds {@code statement}, or at END returns the set's whole script and closes it (else null). */
    String add(String statement) {
        if (END.matcher(statement).matches()) {
            String script = held.append("END;\n").toString();
            held = null;
            return script;
        }
        held.append(statement).append(";\n");
        return null;
    }
}
