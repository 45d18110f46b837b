package io.runnel.cli;

import io.runnel.api.JobClient;
import io.runnel.api.StreamEnvironment;
import io.runnel.sql.SqlEnvironment;
import io.runnel.sql.live.LiveView;
import io.runnel.sql.pg.PgCatalog;
import io.runnel.sql.pg.PgConfig;
import io.runnel.sql.pg.PgServer;
import io.runnel.sql.result.ChangelogPrintSink;
import io.runnel.sql.script.SqlScriptRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code runnel sql --pg-port P [-f FILE]}: runs the script's statements as one job (its materialized views
 * checkpointed with it), then serves the catalog on the PostgreSQL endpoint until stopped. Jobs started from a
 * client get their own environments at the same parallelism, without checkpoints.
 */
final class PgServe {
    private PgServe() {}

    static int run(Path file, int parallelism, CheckpointOptions checkpoints, int port, String password, String authMethod) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        checkpoints.apply(env);
        SqlEnvironment sql = SqlEnvironment.create(env);
        JobClient job = null;
        if (file != null) {
            int writers = new SqlScriptRunner(sql, System.err, q -> q.stream().sinkTo(new ChangelogPrintSink(q.rowType())).name("print"))
                    .run(file.toString(), Files.readString(file));
            if (writers > 0) {
                String name = sql.option("pipeline.name") != null ? sql.option("pipeline.name") : "sql-" + file.getFileName();
                job = env.executeAsync(name);
                for (LiveView v : sql.liveViews().all()) {
                    v.attach(job, false);
                }
                if (checkpoints.checkpointDir != null) {
                    SavepointControl.watch(checkpoints.checkpointDir, job);
                }
                JobClient started = job;
                job.result().whenComplete((r, e) -> System.err.println("runnel: job " + started.jobName()
                        + (e == null ? " ended; its views stay served as they ended" : " failed: " + e.getMessage())));
            }
        }
        PgConfig config = PgConfig.loopback(port).withAuthMethod(authMethod);
        if (password != null) {
            config = config.withPassword(password);
        }
        PgCatalog catalog = new PgCatalog(sql, () -> StreamEnvironment.create().setParallelism(parallelism));
        PgServer server = PgServer.start(catalog, config);
        System.err.printf("runnel: serving PostgreSQL on %s:%d (psql -h %s -p %d -U %s %s)%s; Ctrl-C stops%n", config.host(), server.port(),
                config.host(), server.port(), config.user(), config.database(), sql.liveViews().all().isEmpty() ? ""
                        : "; views: " + String.join(", ", sql.liveViews().all().stream().map(LiveView::name).sorted().toList()));
        CountDownLatch stopped = new CountDownLatch(1);
        JobClient main = job;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            catalog.close();
            if (main != null) {
                main.cancel();
            }
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
