package io.runnel.cli.shell;

import java.util.List;

/** What HELP prints: the shell's own commands and keys; SQL itself is in docs/sql.md. */
final class ShellHelp {
    private ShellHelp() {}

    static List<String> lines() {
        return List.of(
                "Statements end with ';' and may span lines. Besides SQL (docs/sql.md), the shell knows:",
                "  SET 'sql-client.execution.result-mode' = 'table' | 'changelog' | 'tableau';   how a SELECT shows its rows",
                "  SHOW JOBS;               the jobs INSERT statements started, and their state",
                "  STOP JOB 'name';         cancels one of them",
                "  BEGIN STATEMENT SET; INSERT ...; END;   several INSERTs as one job",
                "  HELP;  QUIT;  EXIT;",
                "Keys: Tab completes keywords, tables and columns; Ctrl-C stops a running query or clears the line;",
                "      Ctrl-R searches the history; Ctrl-D leaves.");
    }
}
