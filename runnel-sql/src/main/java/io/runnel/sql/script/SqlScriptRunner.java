package io.runnel.sql.script;

import io.runnel.sql.SqlEnvironment;
import io.runnel.sql.StatementResult;
import io.runnel.sql.parser.ParsedStatement;
import io.runnel.sql.parser.SqlParseError;
import io.runnel.sql.parser.SqlScript;
import io.runnel.sql.planner.PlannedQuery;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Consumer;
import org.apache.calcite.sql.SqlInsert;

/**
 * Runs a script's statements in order on one {@link SqlEnvironment}: DDL and SET take effect at once, SHOW, DESCRIBE
 * and EXPLAIN print, every INSERT (and statement set) adds its sink to the one job, and every SELECT is handed to
 * {@code queries} to give its rows a destination. The caller then runs the job. An error names the script, the
 * statement's line and what went wrong; nothing of a failing script runs.
 */
public final class SqlScriptRunner {
    private final SqlEnvironment sql;
    private final PrintStream messages;
    private final Consumer<PlannedQuery> queries;
    private boolean insertsAsQueries;

    public SqlScriptRunner(SqlEnvironment sql, PrintStream messages, Consumer<PlannedQuery> queries) {
        this.sql = sql;
        this.messages = messages;
        this.queries = queries;
    }

    /**
     * Hands each INSERT's query to {@code queries} instead of writing its table: a benchmark's script (Nexmark's
     * {@code INSERT INTO nexmark_q5 SELECT ...} into a blackhole table) then gives its result to the caller.
     */
    public SqlScriptRunner insertsAsQueries(boolean redirect) {
        this.insertsAsQueries = redirect;
        return this;
    }

    /** Runs every statement of {@code script} (named {@code source} in errors); returns how many write rows. */
    public int run(String source, String script) {
        List<ParsedStatement> statements;
        try {
            statements = SqlScript.parse(script);
        } catch (SqlParseError e) {
            throw new SqlScriptException(source + ": " + e.getMessage(), e);
        }
        int writers = 0;
        for (ParsedStatement s : statements) {
            StatementResult r;
            try {
                r = sql.execute(insertsAsQueries && s.node() instanceof SqlInsert insert ? insert.getSource() : s.node());
            } catch (RuntimeException e) {
                throw new SqlScriptException(source + ", statement at line " + s.line() + " (" + firstLine(s.text()) + "): " + e.getMessage(), e);
            }
            r.lines().forEach(messages::println);
            if (r.isQuery()) {
                queries.accept(r.query());
            }
            if (r.query() != null) {
                writers++;
            }
        }
        return writers;
    }

    /** The statement's first line that is not a comment, to show which statement failed. */
    private static String firstLine(String text) {
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (!l.isEmpty() && !l.startsWith("--")) {
                return i == lines.length - 1 ? l : l + " ...";
            }
        }
        return text.strip();
    }
}
