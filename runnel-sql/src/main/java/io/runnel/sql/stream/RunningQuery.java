package io.runnel.sql.stream;

import io.runnel.api.JobClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The handle of a query started by {@link StreamWriter#start()}: its job, and what its sink reports. */
final class RunningQuery implements StreamingQuery {
    private final String id;
    private final String name;
    private final JobClient job;
    private final QueryRuntime runtime;
    private final Runnable onEnd;
    private volatile boolean stopped;

    RunningQuery(String id, String name, JobClient job, QueryRuntime runtime, Runnable onEnd) {
        this.id = id;
        this.name = name;
        this.job = job;
        this.runtime = runtime;
        this.onEnd = onEnd;
        runtime.inputRows(() -> job.sourceRecords().values().stream().mapToLong(Long::longValue).sum());
        job.result().whenComplete((r, e) -> onEnd.run());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isActive() {
        return !job.result().isDone();
    }

    @Override
    public void awaitTermination() throws Exception {
        awaitTermination(Duration.ofDays(365).toMillis());
    }

    @Override
    public boolean awaitTermination(long millis) throws Exception {
        try {
            job.result().get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (CancellationException e) {
            return true;
        } catch (ExecutionException e) {
            if (stopped && e.getCause() instanceof CancellationException) {
                return true;
            }
            throw e.getCause() instanceof Exception c ? c : e;
        }
    }

    @Override
    public void stop() {
        stopped = true;
        job.cancel();
        try {
            job.result().handle((r, e) -> null).get(30, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // stopping anyway
        }
    }

    @Override
    public QueryProgress lastProgress() {
        return runtime.lastProgress();
    }

    @Override
    public java.util.List<QueryProgress> recentProgress() {
        return runtime.recentProgress();
    }

    @Override
    public QueryStatus status() {
        if (!isActive()) {
            return new QueryStatus(stopped ? "Stopped" : exception().isPresent() ? "Terminated with exception" : "Finished", false, false);
        }
        return runtime.triggerActive() ? new QueryStatus("Writing a batch", true, true)
                : new QueryStatus("Waiting for data to arrive", true, false);
    }

    @Override
    public Optional<Throwable> exception() {
        if (!job.result().isCompletedExceptionally() || stopped) {
            return Optional.empty();
        }
        try {
            job.result().join();
            return Optional.empty();
        } catch (Exception e) {
            Throwable t = e.getCause() != null ? e.getCause() : e;
            return t instanceof CancellationException ? Optional.empty() : Optional.of(t);
        }
    }
}
