package io.runnel.sql;

import io.runnel.sql.planner.PlannedQuery;
import java.util.List;

/**
 * What one statement did: text lines to show (SHOW, DESCRIBE, EXPLAIN, or a confirmation) and, for a SELECT, the
 * query planned onto the job but not yet written anywhere (the caller chooses where its rows go); for INSERT the
 * query is planned and already written into its table.
 */
public record StatementResult(List<String> lines, PlannedQuery query, boolean insert) {
    static StatementResult ok(String what) {
        return new StatementResult(List.of(what), null, false);
    }

    static StatementResult lines(List<String> lines) {
        return new StatementResult(List.copyOf(lines), null, false);
    }

    /** Whether the statement is a SELECT whose rows still need a destination. */
    public boolean isQuery() {
        return query != null && !insert;
    }
}
