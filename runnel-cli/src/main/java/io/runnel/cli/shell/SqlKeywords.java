package io.runnel.cli.shell;

import java.util.List;

/** The words of Flink's SQL dialect and of the shell that completion offers; the grammar's rarer words are left out. */
final class SqlKeywords {
    static final List<String> ALL = List.of(
            "ADD", "ALL", "AND", "AS", "ASC", "AVG", "BEGIN", "BETWEEN", "BIGINT", "BOOLEAN", "BY", "BYTES", "CASE", "CAST",
            "CHANGELOG", "CHAR", "COALESCE", "COUNT", "CREATE", "CROSS", "CUMULATE", "CURRENT_DATE", "CURRENT_TIMESTAMP",
            "DATE", "DECIMAL", "DESC", "DESCRIBE", "DISTINCT", "DOUBLE", "DROP", "ELSE", "END", "ENFORCED", "EXECUTE",
            "EXISTS", "EXIT", "EXPLAIN", "FALSE", "FLOAT", "FOR", "FROM", "FULL", "FUNCTION", "FUNCTIONS", "GROUP", "HAVING",
            "HELP", "HOP", "IF", "IN", "INNER", "INSERT", "INT", "INTEGER", "INTERVAL", "INTO", "IS", "JOB", "JOBS", "JOIN",
            "KEY", "LANGUAGE", "LATERAL", "LEFT", "LIKE", "LIMIT", "MAP", "MATCH_RECOGNIZE", "MAX", "MIN", "NOT", "NULL", "ON",
            "OR", "ORDER", "OUTER", "OVER", "PARTITION", "PRIMARY", "PROCTIME", "QUIT", "RANGE", "RESET", "RIGHT", "ROW",
            "ROWS", "ROW_NUMBER", "SECOND", "SELECT", "SESSION", "SET", "SHOW", "SMALLINT", "STATEMENT", "STOP", "STRING",
            "SUM", "SYSTEM_TIME", "TABLE", "TABLES", "TEMPORARY", "THEN", "TIME", "TIMESTAMP", "TIMESTAMP_LTZ", "TINYINT",
            "TO_TIMESTAMP", "TRUE", "TUMBLE", "UNION", "UNNEST", "VALUES", "VARCHAR", "VIEW", "VIEWS", "WATERMARK", "WHEN",
            "WHERE", "WINDOW", "WITH");

    private SqlKeywords() {}
}
