package io.runnel.sql.pg;

import java.util.List;

/**
 * A statement as Parse left it (or a simple Query's, made on the spot): its text, what kind it is, for ad-hoc
 * queries the JDBC form of its text, and the parameter types the client declared (0: unspecified).
 */
final class PgPrepared {
    enum Kind { EMPTY, TRANSACTION, PG_SET, PG_SHOW, AD_HOC, DIALECT_ROWS, DIALECT, SUBSCRIBE }

    final String text;
    final Kind kind;
    final PgSql.Positional jdbc;
    final int[] paramOids;

    PgPrepared(String text, int[] paramOids) {
        this.text = text;
        this.kind = classify(text);
        this.jdbc = kind == Kind.AD_HOC ? PgSql.positional(text) : null;
        this.paramOids = paramOids;
    }

    /** How many parameters the statement takes. */
    int parameterCount() {
        int n = paramOids.length;
        if (jdbc != null) {
            for (int p : jdbc.order()) {
                n = Math.max(n, p + 1);
            }
        }
        return n;
    }

    private static Kind classify(String text) {
        List<String> w = PgSql.words(text, 2);
        if (w.isEmpty()) {
            return Kind.EMPTY;
        }
        String first = w.get(0);
        String second = w.size() > 1 ? w.get(1) : "";
        switch (first) {
            case "SELECT", "WITH", "VALUES", "TABLE":
                return Kind.AD_HOC;
            case "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT":
                return Kind.TRANSACTION;
            case "SET":
                // Flink's SET 'key' = 'value' (quoted) or SET alone; PostgreSQL's SET name = value / TO value
                return second.isEmpty() ? Kind.DIALECT_ROWS : second.startsWith("'") ? Kind.DIALECT : Kind.PG_SET;
            case "RESET":
                return second.startsWith("'") || second.isEmpty() ? Kind.DIALECT : Kind.PG_SET;
            case "SHOW":
                return switch (second) {
                    case "TABLES", "VIEWS", "FUNCTIONS" -> Kind.DIALECT_ROWS;
                    default -> Kind.PG_SHOW;
                };
            case "DESCRIBE", "DESC", "EXPLAIN":
                return Kind.DIALECT_ROWS;
            case "DISCARD", "DEALLOCATE":
                return Kind.PG_SET;
            case "SUBSCRIBE":
                return Kind.SUBSCRIBE;
            case "COPY":
                return second.equals("SUBSCRIBE") ? Kind.SUBSCRIBE : Kind.DIALECT;
            default:
                return Kind.DIALECT;
        }
    }
}
