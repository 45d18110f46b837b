/**
 * {@code runnel sql} without {@code -f}: an interactive SQL shell on JLine, as Flink's SQL client. Statements run
 * one by one over one catalog; DDL, SET and SHOW print at once, each SELECT runs as its own job whose result is shown
 * live (a folded table, a changelog window, or rows as they come), and each INSERT runs as a background job the shell
 * lists and stops.
 *
 * <p>The pieces: {@link io.runnel.cli.shell.SqlShell} reads and dispatches, {@link io.runnel.cli.shell.StatementParser}
 * keeps a statement open until its {@code ;}, {@link io.runnel.cli.shell.SqlCompleter} completes keywords and the
 * catalog's names, {@link io.runnel.cli.shell.LiveQuery} runs one SELECT and draws its result from a
 * {@link io.runnel.cli.shell.ResultView}, and {@link io.runnel.cli.shell.BackgroundJobs} holds the INSERT jobs.
 */
package io.runnel.cli.shell;
