package io.runnel.cli.shell;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements the shell answers itself rather than the SQL environment, as Flink's SQL client: QUIT and EXIT
 * (also without a {@code ;}), HELP, SHOW JOBS and STOP JOB 'name'. Matched on the statement's text, comments before
 * it left out.
 */
record ShellCommand(Kind kind, String argument) {
    enum Kind { QUIT, HELP, SHOW_JOBS, STOP_JOB }

    private static final Pattern LEADING_COMMENTS = Pattern.compile("^(\\s*--[^\\n]*\\n)*\\s*");
    private static final Pattern BARE = Pattern.compile("(?i)(quit|exit|help)");
    private static final Pattern SHOW_JOBS = Pattern.compile("(?i)show\\s+jobs");
    private static final Pattern STOP_JOB = Pattern.compile("(?i)stop\\s+job\\s+'((?:[^']|'')*)'");

    /** The shell command {@code statement} is, or null if it is one for the SQL environment. */
    static ShellCommand of(String statement) {
        String s = LEADING_COMMENTS.matcher(statement).replaceFirst("").strip();
        if (BARE.matcher(s).matches()) {
            String w = s.toUpperCase(Locale.ROOT);
            return new ShellCommand(w.equals("HELP") ? Kind.HELP : Kind.QUIT, null);
        }
        if (SHOW_JOBS.matcher(s).matches()) {
            return new ShellCommand(Kind.SHOW_JOBS, null);
        }
        Matcher m = STOP_JOB.matcher(s);
        if (m.matches()) {
            return new ShellCommand(Kind.STOP_JOB, m.group(1).replace("''", "'"));
        }
        return null;
    }

    /** QUIT, EXIT or HELP typed without its {@code ;}: still a whole command. */
    static boolean isBareWord(String text) {
        return BARE.matcher(text.strip()).matches();
    }
}
