package io.runnel.runtime.execution;

import io.runnel.api.JobClient;
import io.runnel.api.JobResult;
import io.runnel.api.JobStatus;
import java.util.concurrent.CompletableFuture;

/** The client of a job running in this JVM. */
final class LocalJobClient implements JobClient {
    private final String name;
    private final ExecutionService service;
    private final CompletableFuture<JobResult> result;
    private volatile JobStatus status = JobStatus.RUNNING;

    LocalJobClient(String name, ExecutionService service, CompletableFuture<JobResult> result) {
        this.name = name;
        this.service = service;
        this.result = result.whenComplete((r, e) -> status = e == null ? JobStatus.FINISHED
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
    public void cancel() {
        service.cancel();
    }

    @Override
    public CompletableFuture<JobResult> result() {
        return result;
    }
}
