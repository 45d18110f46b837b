package io.runnel.sql.pg;

/** An error to send as an ErrorResponse: its SQLSTATE code and message; {@code fatal} ones end the connection. */
final class PgError extends RuntimeException {
    private final String sqlState;
    private final boolean fatal;

    PgError(String sqlState, String message) {
        this(sqlState, message, false);
    }

    PgError(String sqlState, String message, boolean fatal) {
        super(message);
        this.sqlState = sqlState;
        this.fatal = fatal;
    }

    String sqlState() {
        return sqlState;
    }

    boolean fatal() {
        return fatal;
    }
}
