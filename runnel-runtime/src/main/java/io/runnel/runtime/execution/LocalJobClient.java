package io.runnel.runtime.execution;

import io.runnel.api.JobClient;
import io.runnel.api.JobResult;
import io.runnel.api.JobStatus;
import io.runnel.api.checkpoint.CheckpointStats;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The client of a job running in this JVM. */
final class LocalJobClient implements JobClient {
    private final String name;
    private final JobExecution execution;
    private final CompletableFuture<JobResult> result;
    private volatile JobStatus status = JobStatus.RUNNING;

    LocalJobClient(String name, JobExecution execution) {
        this.name = name;
        this.execution = execution;
        this.result = execution.result().whenComplete((r, e) -> status = e == null ? JobStatus.FINISHED
                : (e instanceof java.util.concurrent.CancellationException || e.getCause() instanceof java.util.concurrent.CancellationException)
                ? JobStatus.CANCELED : JobStatus.FAILED);
    }

    @Override
    public String jobName() {
        return name;
    }

    @Override
    public JobStatus status() {
        return status;
    }

    @Override
    public java.util.Map<String, Long> sourceRecords() {
        return execution.sourceRecordsNow();
    }

    @Override
    public void cancel() {
        execution.cancel();
    }

    @Override
    public CompletableFuture<JobResult> result() {
        return result;
    }

    @Override
    public List<CheckpointStats> checkpoints() {
        return execution.checkpointStats();
    }

    @Override
    public CompletableFuture<String> triggerSavepoint(String directory) {
        return execution.triggerSavepoint(Path.of(directory));
    }

    @Override
    public int restarts() {
        return execution.restarts();
    }

    @Override
    public List<Long> recoveryMillis() {
        return execution.recoveryMillis();
    }
}
