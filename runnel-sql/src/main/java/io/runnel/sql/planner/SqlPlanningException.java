package io.runnel.sql.planner;

/** A query the planner cannot plan: bad SQL (with line and column) or a construct not supported yet (named). */
public final class SqlPlanningException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SqlPlanningException(String message) {
        super(message);
    }

    public SqlPlanningException(String message, Throwable cause) {
        super(message, cause);
    }
}
