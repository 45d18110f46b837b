package io.runnel.runtime;

import io.runnel.api.JobClient;
import io.runnel.api.JobExecutor;
import io.runnel.api.StreamJob;
import io.runnel.runtime.execution.JobRunner;

/** Runs jobs in this JVM; registered as the {@link JobExecutor} service. */
public final class LocalExecutor implements JobExecutor {
    @Override
    public JobClient submit(StreamJob job) {
        return JobRunner.start(job);
    }
}
