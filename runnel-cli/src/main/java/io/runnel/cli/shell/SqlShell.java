package io.runnel.cli.shell;

import io.runnel.api.StreamEnvironment;
import io.runnel.sql.SqlEnvironment;
import io.runnel.sql.StatementResult;
import io.runnel.sql.parser.ParsedStatement;
import io.runnel.sql.parser.SqlScript;
import io.runnel.sql.parser.SqlSetStatement;
import io.runnel.sql.parser.SqlStatementSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive shell: reads statements (a statement may span lines and ends with {@code ;}), runs each on one
 * catalog, and prints what it did. Each SELECT and each INSERT is its own job from {@code jobs}, as in Flink's SQL
 * client; an error is printed and the shell goes on. Ctrl-C clears the line, Ctrl-D or QUIT leaves.
 */
public final class SqlShell {
    private final Terminal terminal;
    private final PrintWriter out;
    private final Supplier<StreamEnvironment> jobs;
    private final SqlEnvironment sql;
    private final LineReader reader;
    private final BackgroundJobs background = new BackgroundJobs();
    private final StatementSetBuffer statementSet = new StatementSetBuffer();
    private final AtomicLong queries = new AtomicLong();

    private SqlShell(Terminal terminal, Path history, Supplier<StreamEnvironment> jobs) {
        this.terminal = terminal;
        this.out = terminal.writer();
        this.jobs = jobs;
        this.sql = SqlEnvironment.create(jobs.get());
        this.reader = LineReaderBuilder.builder().terminal(terminal).appName("runnel")
                .parser(new StatementParser())
                .completer(new SqlCompleter(sql))
                .variable(LineReader.HISTORY_FILE, history)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P > ")
                .option(LineReader.Option.CASE_INSENSITIVE, true)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // '!' is SQL's (<>, !=), not history's
                .build();
    }

    /** Runs the shell on the process's terminal until the user leaves; {@code jobs} makes each job's environment. */
    public static void run(Path history, Supplier<StreamEnvironment> jobs) throws IOException {
        if (history.getParent() != null) {
            Files.createDirectories(history.getParent());
        }
        // Ctrl-C between statements must not end the JVM: the reader and a live query install their own handlers
        try (Terminal terminal = TerminalBuilder.builder().system(true).nativeSignals(true)
                .signalHandler(Terminal.SignalHandler.SIG_IGN).build()) {
            new SqlShell(terminal, history, jobs).loop();
        }
    }

    private void loop() throws IOException {
        out.println("Runnel SQL shell. Statements end with ';'. HELP; lists the shell's own commands, QUIT; leaves.");
        try {
            while (true) {
                String text;
                try {
                    text = reader.readLine(statementSet.isOpen() ? "runnel (set)> " : "runnel> ");
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C at the prompt: the line is dropped
                } catch (EndOfFileException e) {
                    return;
                }
                if (!runAll(text)) {
                    return;
                }
            }
        } finally {
            int stopped = background.cancelAll();
            if (stopped > 0) {
                out.println("[INFO] stopped " + stopped + " background job(s)");
            }
            reader.getHistory().save();
            out.flush();
        }
    }

    /** Runs every statement of the buffer in order; stops at the first error. Returns false to leave the shell. */
    private boolean runAll(String text) throws IOException {
        for (String statement : StatementParser.statements(text)) {
            try {
                if (!runOne(statement)) {
                    return false;
                }
            } catch (RuntimeException e) {
                error(e);
                break;
            } finally {
                out.flush();
            }
        }
        return true;
    }

    private boolean runOne(String statement) throws IOException {
        ShellCommand command = ShellCommand.of(statement);
        if (command != null) {
            return shellCommand(command);
        }
        if (statementSet.begin(statement)) {
            out.println("[INFO] statement set begun: INSERT statements until END;");
            return true;
        }
        if (statementSet.isOpen()) {
            String script = statementSet.add(statement);
            if (script == null) {
                out.println("[INFO] added to the statement set");
                return true;
            }
            statement = script;
        }
        for (ParsedStatement p : SqlScript.parse(statement)) {
            runSql(p.node());
        }
        return true;
    }

    private boolean shellCommand(ShellCommand command) {
        switch (command.kind()) {
            case QUIT -> {
                return false;
            }
            case HELP -> ShellHelp.lines().forEach(out::println);
            case SHOW_JOBS -> background.lines().forEach(out::println);
            case STOP_JOB -> out.println("[INFO] " + background.stop(command.argument()));
        }
        return true;
    }

    private void runSql(SqlNode node) throws IOException {
        if (node instanceof SqlSetStatement set && ResultMode.KEY.equals(set.key())) {
            ResultMode.of(set.value()); // checked now, not at the next SELECT
        }
        SqlEnvironment job = sql.newJob(jobs.get());
        StatementResult r = job.execute(node);
        if (r.isQuery()) {
            String name = jobName("query-" + queries.incrementAndGet());
            String error = new LiveQuery(terminal).run(job, r.query(), ResultMode.of(sql.option(ResultMode.KEY)), name);
            if (error != null) {
                out.println("[ERROR] the query failed: " + error);
            }
        } else if (r.insert()) {
            String name = background.start(jobName(insertName(node)), job.streamEnvironment()::executeAsync);
            out.println("[INFO] submitted job '" + name + "' (SHOW JOBS; lists the jobs, STOP JOB '" + name + "'; stops it)");
        } else {
            r.lines().forEach(out::println);
        }
    }

    /** The job's name: SET 'pipeline.name' if given, else one from the statement. */
    private String jobName(String fallback) {
        String set = sql.option("pipeline.name");
        return set != null ? set : fallback;
    }

    private static String insertName(SqlNode node) {
        if (node instanceof SqlInsert insert) {
            return "insert-into-" + insert.getTargetTable().toString().replace("`", "");
        }
        return node instanceof SqlStatementSet ? "statement-set" : "insert";
    }

    private void error(RuntimeException e) {
        String message = e.getMessage() != null ? e.getMessage() : e.toString();
        out.println("[ERROR] " + message);
        if (System.getenv("RUNNEL_DEBUG") != null) {
            e.printStackTrace(out);
        }
    }
}
