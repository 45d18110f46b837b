package io.runnel.cli.shell;

/** The line under a live result: whether the query runs, how many rows came and how fast, and how to stop it. */
final class StatusLine {
    private StatusLine() {}

    static String running(long rows, double rate, String summary) {
        return String.format("running · %,d rows received · %,.0f rows/s · %s · Ctrl-C or q to stop", rows, rate, summary);
    }

    static String finished(long rows, double seconds, String summary) {
        return String.format("finished · %,d rows received in %.2f s · %s", rows, seconds, summary);
    }

    static String stopped(long rows, double seconds, String summary) {
        return String.format("stopped · %,d rows received in %.2f s · %s", rows, seconds, summary);
    }

    static String failed(long rows, String error) {
        return String.format("failed · %,d rows received · %s", rows, error);
    }
}
