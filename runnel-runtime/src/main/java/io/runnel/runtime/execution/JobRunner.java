package io.runnel.runtime.execution;

import io.runnel.api.JobClient;
import io.runnel.api.StreamJob;

/** Plans, builds and starts a job in this JVM; see {@link JobExecution} for its life. */
public final class JobRunner {
    private JobRunner() {}

    public static JobClient start(StreamJob job) {
        JobExecution execution = new JobExecution(job);
        execution.start();
        return new LocalJobClient(job.name(), execution);
    }
}
