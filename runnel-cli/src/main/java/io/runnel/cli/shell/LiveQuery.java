package io.runnel.cli.shell;

import io.runnel.api.JobClient;
import io.runnel.sql.SqlEnvironment;
import io.runnel.sql.data.Row;
import io.runnel.sql.planner.PlannedQuery;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.Terminal.SignalHandler;

/**
 * Runs one SELECT as its own job and shows its result live until the job ends (a bounded query: its last frame
 * stays on screen) or the user stops it with Ctrl-C or q (the job is cancelled). The drawing thread is the caller's:
 * each frame it drains the rows the sink queued, folds them into the screen, samples the rate and waits for a key
 * at most one frame long.
 */
final class LiveQuery {
    private static final long FRAME_MILLIS = 200;
    /** Rows queued between the job and the screen: a full queue holds the job back. */
    static final int QUEUE_ROWS = 8192;
    /** The changes the changelog view keeps; more than a screen, so a taller window still fills. */
    static final int CHANGELOG_ROWS = 1000;
    private final Terminal terminal;

    LiveQuery(Terminal terminal) {
        this.terminal = terminal;
    }

    /** Runs {@code query} (planned on {@code job}) as job {@code name}; returns the error that ended it, or null. */
    String run(SqlEnvironment job, PlannedQuery query, ResultMode mode, String name) throws IOException {
        Screen screen = screen(query, mode);
        try (ResultChannel channel = ResultChannel.open(QUEUE_ROWS)) {
            query.stream().sinkTo(new ResultChannelSink(channel.id())).name("shell-result").setParallelism(1);
            JobClient client = job.streamEnvironment().executeAsync(name);
            AtomicBoolean stop = new AtomicBoolean();
            SignalHandler previous = terminal.handle(Signal.INT, s -> stop.set(true));
            Attributes attributes = keysWithoutEcho();
            try {
                return show(client, channel, screen, stop);
            } finally {
                terminal.setAttributes(attributes);
                terminal.handle(Signal.INT, previous);
                channel.close(); // first: a sink waiting on a full queue then returns, and the job can stop
                if (!client.status().isTerminal()) {
                    client.cancel();
                    awaitQuietly(client);
                }
            }
        }
    }

    private String show(JobClient client, ResultChannel channel, Screen screen, AtomicBoolean stop) throws IOException {
        long start = System.nanoTime();
        RateMeter rate = new RateMeter(1_000_000_000L);
        long[] received = {0};
        List<Row> batch = new ArrayList<>(QUEUE_ROWS);
        while (true) {
            boolean ended = client.result().isDone(); // read before draining: once ended, the queue holds every row
            received[0] += drain(channel, batch, screen);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (ended) {
                String error = failure(client);
                screen.finish(s -> error == null ? StatusLine.finished(received[0], seconds, s) : StatusLine.failed(received[0], error));
                return error;
            }
            if (stop.get()) {
                screen.finish(s -> StatusLine.stopped(received[0], seconds, s));
                return null;
            }
            rate.sample(received[0], System.nanoTime());
            double r = rate.rate();
            screen.frame(s -> StatusLine.running(received[0], r, s));
            awaitKey(stop);
        }
    }

    /**
     * Waits a frame for a key: q stops the query. Input that is not a terminal (a piped script) holds the statements
     * still to run, not keys, so there the wait is a plain sleep and only Ctrl-C stops.
     */
    private void awaitKey(AtomicBoolean stop) throws IOException {
        if (isDumb()) {
            try {
                Thread.sleep(FRAME_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop.set(true);
            }
            return;
        }
        int key = terminal.reader().read(FRAME_MILLIS);
        if (key == 'q' || key == 'Q' || key == 3) { // 3: Ctrl-C, should the terminal pass it as a key
            stop.set(true);
        }
    }

    private boolean isDumb() {
        return terminal.getType().startsWith("dumb");
    }

    /** Moves the queued rows to the screen, for at most about a frame's time so the screen stays live. */
    private static long drain(ResultChannel channel, List<Row> batch, Screen screen) {
        long deadline = System.nanoTime() + FRAME_MILLIS * 1_000_000L;
        long n = 0;
        int got;
        while ((got = channel.drain(batch, QUEUE_ROWS)) > 0) {
            screen.rows(batch);
            batch.clear();
            n += got;
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        return n;
    }

    private Screen screen(PlannedQuery query, ResultMode mode) {
        boolean dumb = isDumb();
        CellFormat format = CellFormat.of(query.rowType());
        if (mode == ResultMode.TABLEAU || dumb) {
            return new TailScreen(terminal, TableauPrinter.of(query.rowType()), !dumb);
        }
        return new RedrawScreen(terminal, mode == ResultMode.TABLE ? new TableView(format) : new ChangelogView(format, CHANGELOG_ROWS));
    }

    /** Keys arrive one by one and are not echoed over the result; Ctrl-C still raises SIGINT. */
    private Attributes keysWithoutEcho() {
        Attributes previous = terminal.getAttributes();
        if (isDumb()) {
            return previous;
        }
        Attributes raw = new Attributes(previous);
        raw.setLocalFlags(EnumSet.of(LocalFlag.ICANON, LocalFlag.ECHO, LocalFlag.IEXTEN), false);
        raw.setLocalFlag(LocalFlag.ISIG, true);
        terminal.setAttributes(raw);
        return previous;
    }

    /** Why the job failed, or null if it finished or was cancelled. */
    private static String failure(JobClient client) {
        try {
            client.result().join();
            return null;
        } catch (CancellationException e) {
            return null;
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return cause instanceof CancellationException ? null : String.valueOf(cause.getMessage());
        }
    }

    private static void awaitQuietly(JobClient client) {
        try {
            client.await(Duration.ofSeconds(10));
        } catch (Exception ignored) {
            // cancelled: the failure is the cancellation itself
        }
    }
}
