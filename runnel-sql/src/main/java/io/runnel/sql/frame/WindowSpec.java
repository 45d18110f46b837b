package io.runnel.sql.frame;

/**
 * A grouping window of {@link functions#window} or {@link functions#session_window}: which of the planner's window
 * table functions it becomes ({@code TUMBLE}, {@code HOP}, {@code SESSION}), over which time column, with which
 * intervals (SQL literals).
 */
record WindowSpec(Kind kind, String timeColumn, String size, String slide, String offset) {
    enum Kind { TUMBLE, HOP, SESSION }

    /** {@code TABLE(TUMBLE((input), DESCRIPTOR(ts), size))} and its kin; a session partitioned by {@code keys}. */
    String tableFunction(String input, java.util.List<String> sessionKeys) {
        String descriptor = "DESCRIPTOR(" + Names.quote(timeColumn) + ")";
        String off = offset == null ? "" : ", " + offset;
        return switch (kind) {
            case TUMBLE -> "TABLE(TUMBLE((" + input + "), " + descriptor + ", " + size + off + "))";
            case HOP -> "TABLE(HOP((" + input + "), " + descriptor + ", " + slide + ", " + size + off + "))";
            case SESSION -> "TABLE(SESSION((" + input + ")"
                    + (sessionKeys.isEmpty() ? "" : " PARTITION BY " + Names.quoteAll(sessionKeys)) + ", " + descriptor + ", " + size + "))";
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case TUMBLE -> "window(" + timeColumn + ", " + size + ")";
            case HOP -> "window(" + timeColumn + ", " + size + ", " + slide + ")";
            case SESSION -> "session_window(" + timeColumn + ", " + size + ")";
        };
    }
}
