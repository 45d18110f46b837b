package io.runnel.cli;

import io.runnel.api.JobClient;
import io.runnel.api.JobResult;
import io.runnel.api.StreamEnvironment;
import io.runnel.cli.shell.SqlShell;
import io.runnel.sql.SqlEnvironment;
import io.runnel.sql.result.ChangelogPrintSink;
import io.runnel.sql.script.SqlScriptRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code runnel sql -f FILE}: runs a script's statements as one job. SELECT results print as a changelog on
 * standard output; INSERTs write their tables. Bounded inputs end the job; unbounded ones run until Ctrl-C.
 * Without {@code -f}, the interactive shell ({@link SqlShell}), where each SELECT and INSERT is a job of its own.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Without -f: an interactive SQL shell (Flink's dialect); each SELECT shows its result live, each INSERT runs in the background.",
                "With -f FILE: run the file's statements as one job; SELECT results print as a changelog."})
final class SqlCommand implements Callable<Integer> {
    @Option(names = {"-f", "--file"}, description = "the SQL script to run")
    Path file;

    @Option(names = "--parallelism", defaultValue = "1", description = "parallel instances per operator (default: ${DEFAULT-VALUE}; SET 'parallelism.default' overrides)")
    int parallelism;

    @Option(names = "--history-file", description = "the shell's history (default: ~/.runnel/sql_history)")
    Path historyFile;

    @picocli.CommandLine.Mixin
    CheckpointOptions checkpoints = new CheckpointOptions();

    @Option(names = "--pg-port", description = "after the script's statements, serve its catalog and materialized views to PostgreSQL clients on 127.0.0.1:PORT until stopped (0: any free port)")
    Integer pgPort;

    @Option(names = "--pg-password", description = "with --pg-port: ask clients for this password; default: none on loopback")
    String pgPassword;

    @Option(names = "--pg-auth-method", defaultValue = "scram-sha-256", description = "with --pg-password: scram-sha-256 or md5 (default: ${DEFAULT-VALUE})")
    String pgAuthMethod;

    @Override
    public Integer call() throws Exception {
        if (pgPassword != null && pgPort == null) {
            throw new IllegalArgumentException("--pg-password needs --pg-port");
        }
        if (pgPort != null) {
            if (file != null && !Files.isRegularFile(file)) {
                throw new IllegalArgumentException("-f " + file + ": no such file");
            }
            return PgServe.run(file, parallelism, checkpoints, pgPort, pgPassword, pgAuthMethod);
        }
        if (file == null) {
            return shell();
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("-f " + file + ": no such file");
        }
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        checkpoints.apply(env);
        SqlEnvironment sql = SqlEnvironment.create(env);
        int writers = new SqlScriptRunner(sql, System.err, q -> q.stream().sinkTo(new ChangelogPrintSink(q.rowType())).name("print"))
                .run(file.toString(), Files.readString(file));
        if (writers == 0) {
            return 0;
        }
        String name = sql.option("pipeline.name") != null ? sql.option("pipeline.name") : "sql-" + file.getFileName();
        JobClient client = env.executeAsync(name);
        Runtime.getRuntime().addShutdownHook(new Thread(client::cancel));
        if (checkpoints.checkpointDir != null) SavepointControl.watch(checkpoints.checkpointDir, client);
        JobResult r = client.await(Duration.ofDays(365));
        long late = io.runnel.sql.exec.late.LateRowCounter.dropped(r);
        System.err.printf("runnel: %s: %,d rows written (%.2f s)%s%n", file, io.runnel.sql.exec.late.LateRowCounter.resultRows(r),
                r.durationMillis() / 1000.0, late == 0 ? "" : String.format("; %,d late rows dropped (SET"
                        + " 'table.exec.late-rows.sink' to keep them)", late));
        return 0;
    }

    /** The shell's jobs are short-lived and many: checkpoint options, which name one job's directory, do not apply. */
    private int shell() throws Exception {
        if (checkpoints.checkpointDir != null || checkpoints.interval != null || checkpoints.restore != null) {
            throw new IllegalArgumentException("checkpoint options go with -f FILE (the shell runs many short jobs)");
        }
        Path history = historyFile != null ? historyFile : Path.of(System.getProperty("user.home"), ".runnel", "sql_history");
        SqlShell.run(history, () -> StreamEnvironment.create().setParallelism(parallelism).setStateBackend(checkpoints.stateBackend));
        return 0;
    }
}
